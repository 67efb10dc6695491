// Command floorview is the smallest ebiten program that runs on the live view's path: in the
// view's worker (web/view/viewhost.js) on an OffscreenCanvas, it fills its screen with one
// rectangle and, once that frame is drawn, posts azflows:ready as the view does. tools/cmd/bench
// builds it into a temporary directory (it is never shipped) and serves it in place of
// view.wasm, so that its time to ready is the floor of the real view's on this machine: what
// the page, the frame, the worker, Go's runtime, ebiten and the GPU cost without the chart.
package main
