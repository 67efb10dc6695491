package raster

import (
	"azflows/charts"
	"azflows/i18n"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
)

func TestLook(t *testing.T) {
	spec := os.Getenv("LOOK")
	if spec == "" {
		t.Skip("LOOK unset")
	}
	for _, one := range strings.Split(spec, ",") {
		p := strings.Split(one, ":") // view:year:lang:w:h
		y, _ := strconv.Atoi(p[1])
		w, _ := strconv.ParseFloat(p[3], 64)
		h, _ := strconv.ParseFloat(p[4], 64)
		c := charts.Build(charts.State{View: p[0], Year: y, Lang: i18n.Lang(p[2])}, w, h)
		f, _ := os.Create(fmt.Sprintf("/tmp/look/%s-%s-%s-%sx%s.png", p[0], p[1], p[2], p[3], p[4]))
		WritePNG(f, c, 2)
		f.Close()
	}
}
