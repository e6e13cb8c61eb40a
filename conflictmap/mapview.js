function (group, packed, cluster) {
  // The columns of mapview.events_data, deflated and base64-encoded. Every string in them went
  // through conflictmap.escape; this code only joins them with its own markup.
  const binary = atob(packed), bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate"));
  // Markers nearer each other than STACK pixels at a zoom are fanned out on a ring around the first,
  // so each can be seen and clicked; the popup still points at the place itself. A crowd of more than
  // FAN_MAX stays put: a ring that large would cover the map (zoom in, or group crowded markers).
  const STACK = 16, FAN_MAX = 12, ZERO = L.point(0, 0), fanned = {};
  let markers = [];
  const fan = (zoom) => {
    if (fanned[zoom]) return fanned[zoom];
    const points = markers.map((m) => L.CRS.EPSG3857.latLngToPoint(m._latlng, zoom)), cells = new Map();
    const rings = [], out = points.map(() => ZERO);
    points.forEach((p, k) => {
      const cx = Math.floor(p.x / STACK), cy = Math.floor(p.y / STACK);
      let ring = null;
      for (let dx = -1; dx <= 1 && ring === null; dx++) for (let dy = -1; dy <= 1 && ring === null; dy++) {
        for (const r of cells.get((cx + dx) + ":" + (cy + dy)) || []) {
          if (rings[r].centre.distanceTo(p) < STACK) { ring = r; break; }
        }
      }
      if (ring === null) {
        ring = rings.push({centre: p, members: []}) - 1;
        cells.set(cx + ":" + cy, [...(cells.get(cx + ":" + cy) || []), ring]);
      }
      rings[ring].members.push(k);
    });
    rings.forEach(({centre, members}) => {
      const n = members.length, radius = Math.max(STACK, 22 * n / (2 * Math.PI));
      if (n > 1 && n <= FAN_MAX) members.forEach((k, j) => {
        const a = 2 * Math.PI * j / n - Math.PI / 2;
        out[k] = L.point(centre.x + radius * Math.cos(a) - points[k].x, centre.y + radius * Math.sin(a) - points[k].y).round();
      });
    });
    return (fanned[zoom] = out);
  };
  // Markers moved by the layer that holds them, one map listener for all: Leaflet checks each new
  // map listener against all the others, so the usual three per marker make adding 10,000 quadratic.
  const Marker = L.Marker.extend({
    getEvents: null,
    onAdd() { this._initIcon(); this.update(); },
    update() {
      if (this._icon && this._map) {
        this._setPos(this._map.latLngToLayerPoint(this._latlng).round().add(fan(this._map.getZoom())[this.k]));
      }
      return this;
    },
    _animateZoom(e) {
      this._setPos(this._map._latLngToNewLayerPoint(this._latlng, e.zoom, e.center).round().add(fan(e.zoom)[this.k]));
    },
  });
  const Events = L.FeatureGroup.extend({
    getEvents() { return {zoom: this.place, viewreset: this.place, zoomanim: this.animate}; },
    place() { this.markers.forEach((marker) => marker.update()); },
    animate(e) {
      this.markers.forEach((marker) => marker._map && marker._zoomAnimated && marker._animateZoom(e));
    },
  });
  new Response(stream).json().then((d) => {
    const icons = d.icons.map((kind) => L.divIcon({html: "", className: "cm-marker " + kind, iconSize: [20, 20],
                                                   iconAnchor: [10, 10]}));
    const source = (k) => {
      const a = d.article[k], label = d.labels[a], url = d.urls[a];
      return "<li><q>" + d.quote[k] + "</q><br>— "
        + (url ? '<a href="' + url + '" target="_blank" rel="noopener noreferrer">' + label + "</a>" : label)
        + ", " + d.published[a] + "</li>";
    };
    const denial = (i) => d.icons[d.icon[i]].endsWith("-denial");
    const popup = (i) => {
      const [colour, side] = d.sides[d.side[i]], names = d.names[d.place[i]], count = d.sources[i];
      let html = '<div class="cm-popup"><b>' + d.places[d.place[i]] + "</b>"
        + (names ? ' <span class="cm-names">(' + names + ")</span>" : "")
        + (d.located[d.place[i]] ? '<br><span class="cm-located">' + d.located[d.place[i]] + "</span>" : "")
        + '<br><span class="cm-status" style="color:' + colour + '">' + d.styles[d.status[i]][1] + "</span> · "
        + d.dates[d.date[i]] + " (" + d.precisions[d.precision[i]] + ")"
        + '<br><span class="cm-side">' + side + "</span>"
        + (d.claimant[i] < 0 ? "" : ": " + d.claimants[d.claimant[i]])
        + (denial(i) ? '<br><span class="cm-denial">' + d.denial + "</span>" : "")
        + "<br><i>Reported by " + count + " source" + (count === 1 ? "" : "s")
        + (d.outlets[i] > 1 ? " from " + d.outlets[i] + " outlets" : "") + '</i><ol class="cm-sources">';
      for (let k = d.first[i]; k < d.first[i + 1]; k++) html += source(k);
      const shown = d.first[i + 1] - d.first[i];
      return html + (count > shown ? "<li>and " + (count - shown) + " more</li>" : "") + "</ol></div>";
    };
    const tooltip = (i) => d.places[d.place[i]] + ": " + d.styles[d.status[i]][0] + " (" + d.sides[d.side[i]][1]
      + "), " + d.dates[d.date[i]] + " (" + d.sources[i] + " sources)";
    const shape = (i) => {
      if (d.region[i] < 0) {
        const marker = new Marker([d.lat[i], d.lon[i]], {icon: icons[d.icon[i]],
                                                         title: (d.places[d.place[i]] + " — " + d.styles[d.status[i]][0]).replace(/&(#x27|#96|#36|#92|quot|lt|gt|amp);/g, (m, e) => ({"#x27": "'", "#96": "`", "#36": "$", "#92": "\\", quot: '"', lt: "<", gt: ">", amp: "&"})[e])});
        marker.k = markers.push(marker) - 1;
        return marker;
      }
      const colour = d.sides[d.side[i]][0];
      return L.GeoJSON.geometryToLayer(d.regions[d.region[i]], {color: colour, weight: 2, fillColor: colour,
                                                               fillOpacity: 0.12, dashArray: d.precision[i] ? "6,4" : null});
    };
    const layers = d.lat.map((lat, i) => Object.assign(shape(i), {i}));
    // A layer's popup and tooltip are bound when first asked for, by one listener on the group: binding
    // them to 10,000 layers up front costs a third of the drawing (clusters have no `i`: not ours).
    const events = Object.assign(new Events(), {markers}).addTo(group).on({
      click(e) {
        const layer = e.propagatedFrom;
        if (layer && layer.i !== undefined && !layer.getPopup()) {
          layer.bindPopup(() => popup(layer.i), {maxWidth: 440, maxHeight: 360}).openPopup(e.latlng);
        }
      },
      mouseover(e) {
        const layer = e.propagatedFrom;
        if (layer && layer.i !== undefined && !layer.getTooltip()) {
          layer.bindTooltip(() => tooltip(layer.i)).openTooltip(e.latlng);
        }
      },
    });
    const map = group._map, seen = new Set(), places = {lat: [], lon: [], name: []};
    d.lat.forEach((lat, i) => {
      if (d.region[i] >= 0 || seen.has(d.place[i])) return;
      seen.add(d.place[i]);
      places.lat.push(lat); places.lon.push(d.lon[i]); places.name.push(d.places[d.place[i]]);
    });
    if (map) { map.cmPlaces = places; map.fire("cmplaces"); }
    if (cluster) {
      L.markerClusterGroup(cluster).addTo(events).addLayers(layers);
    } else {  // a thousand at a time, so the first are drawn at once
      const add = (from) => {
        layers.slice(from, from + 1000).forEach((layer) => events.addLayer(layer));
        if (from + 1000 < layers.length) setTimeout(add, 0, from + 1000);
      };
      add(0);
    }
  });
}
