// Package geo turns Natural Earth country shapes (the npm package world-atlas, TopoJSON) into
// the small base map of azflows' map view: it decodes the TopoJSON, keeps the region the story
// needs (Turkey, Iran, the Gulf, the Caucasus, European Russia and their neighbours), clips it
// to a longitude/latitude box (Sutherland–Hodgman), simplifies it (Douglas–Peucker) and rounds
// it to 0.01°. The result is written by cmd/build as dist/basemap.json and read back with Parse;
// it is never committed.
//
// The map is drawn in a Lambert conformal conic projection (see LCC), whose standard parallels
// (30°N and 50°N) bracket the region, so shapes and directions stay true across it.
//
// Borders are shown for orientation only; they are Natural Earth's, not azflows' claims.
package geo
