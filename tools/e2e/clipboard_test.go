//go:build !(js && wasm)

package e2e

import (
	"context"
	"testing"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// allowClipboard lets the page at baseURL read and write the clipboard, and keeps the page
// focused as a reader's would be (headless Chromium refuses the clipboard to an unfocused
// page): the set-up of every test that checks what a "Copy" control copied.
func allowClipboard(t *testing.T, ctx context.Context) {
	t.Helper()
	for _, perm := range []string{"clipboard-read", "clipboard-write"} {
		err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, browser.SetPermission, browser.SetPermissionParams{Permission: &browser.PermissionDescriptor{Name: perm}, Setting: browser.PermissionSettingGranted, Origin: baseURL})
			return err
		}))
		if err != nil {
			t.Fatalf("granting %s: %v", perm, err)
		}
	}
	err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true})
		return err
	}))
	if err != nil {
		t.Fatal(err)
	}
}
