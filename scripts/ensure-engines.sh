#!/usr/bin/env bash
# Makes sure the browser engines beside Chromium and the web servers are installed:
# Debian's Firefox ESR, WebKitGTK's WebKitWebDriver (with its MiniBrowser) and Xvfb for
# tools/e2e/engines_test.go; nginx with its brotli module and Caddy for tools/e2e/hosting_test.go;
# poppler-utils (pdftotext, pdfinfo) for tools/e2e/printpdf_test.go; the Orca screen reader and
# its desktop (speech-dispatcher with espeak-ng, D-Bus, the accessibility bus, gsettings,
# openbox, xdotool) for tools/e2e/orca_test.go.
# As root it installs what is missing with apt-get; otherwise it says how, and goes on (the
# tests then skip with that message; under CI=true they fail instead).
set -euo pipefail

declare -A need=(
	[firefox-esr]=/usr/bin/firefox-esr
	[webkit2gtk-driver]=/usr/bin/WebKitWebDriver
	[xvfb]=/usr/bin/Xvfb
	[nginx]=/usr/sbin/nginx
	[libnginx-mod-http-brotli-static]=/usr/lib/nginx/modules/ngx_http_brotli_static_module.so
	[caddy]=/usr/bin/caddy
	[poppler-utils]=/usr/bin/pdftotext
	[orca]=/usr/bin/orca
	[speech-dispatcher]=/usr/bin/speech-dispatcher
	[speech-dispatcher-espeak-ng]=/usr/lib/speech-dispatcher-modules/sd_espeak-ng
	[espeak-ng]=/usr/bin/espeak-ng
	[dbus-x11]=/usr/bin/dbus-launch
	[at-spi2-core]=/usr/libexec/at-spi-bus-launcher
	[libglib2.0-bin]=/usr/bin/gsettings
	[openbox]=/usr/bin/openbox
	[xdotool]=/usr/bin/xdotool
)
missing=()
for pkg in "${!need[@]}"; do
	[ -e "${need[$pkg]}" ] || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
	echo "ensure-engines: installing Debian's ${missing[*]}" >&2
	apt-get -o DPkg::Lock::Timeout=600 update
	DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y "${missing[@]}"
	exit 0
fi

echo "ensure-engines: ${missing[*]} missing; the Firefox, WebKit and hosting tests will skip. Install them with:" >&2
echo "    sudo apt-get update && sudo apt-get install ${missing[*]}" >&2
