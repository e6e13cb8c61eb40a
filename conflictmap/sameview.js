function (map, fitted) {
  // st_folium reports the map's centre and zoom as soon as the map is made, and every report runs the
  // page again. When the page's URL already holds this view (its lat, lon and zoom; none of them for the
  // map fitted to Ukraine), that report would change nothing: it is marked as already sent, so a first
  // visit runs the page once. A pan or zoom, or a map made elsewhere than the URL says, is reported.
  var data = window.__GLOBAL_DATA__;  // st_folium's state for this map; absent in an exported page
  if (!data || !Array.isArray(data.returned_objects) || data.returned_objects.join() !== "center,zoom") return;
  var url;
  try { url = new URLSearchParams(window.parent.location.search); } catch (e) { return; }
  var center = map.getCenter(), zoom = map.getZoom();
  var same = fitted ? !url.has("lat") && !url.has("lon") && !url.has("zoom")
    : url.get("lat") === center.lat.toFixed(4) && url.get("lon") === center.lng.toFixed(4)
      && url.get("zoom") === String(zoom);
  if (same) data.previous_data = {zoom: zoom, center: center};  // the keys in the order st_folium sends them
}
