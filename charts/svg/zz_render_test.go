package svg

import (
	"fmt"
	"os"
	"testing"

	"azflows/charts"
	"azflows/i18n"
)

func TestZZRender(t *testing.T) {
	out := os.Getenv("ZZ_OUT")
	if out == "" {
		t.Skip()
	}
	for _, l := range []i18n.Lang{"en", "az", "ru"} {
		for _, y := range []int{2010, 2012} {
			for _, sz := range [][2]float64{{344, 459}, {374, 499}} {
				c := charts.Build(charts.State{View: "map", Year: y, Lang: l}, sz[0], sz[1])
				f, _ := os.Create(fmt.Sprintf("%s/map-%d-%s-%.0f.svg", out, y, l, sz[0]))
				WriteOutlined(f, c)
				f.Close()
			}
		}
	}
}
