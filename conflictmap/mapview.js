function (group, packed, cluster) {
  // The columns of mapview.events_data, deflated and base64-encoded. Every string in them went
  // through conflictmap.escape; this code only joins them with its own markup.
  const binary = atob(packed), bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate"));
  // Markers moved by the layer that holds them, one map listener for all: Leaflet checks each new
  // map listener against all the others, so the usual three per marker make adding 10,000 quadratic.
  const Marker = L.Marker.extend({getEvents: null, onAdd() { this._initIcon(); this.update(); }});
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
    const popup = (i) => {
      const [, colour, label] = d.styles[d.status[i]], names = d.names[d.place[i]], count = d.sources[i];
      let html = '<div class="cm-popup"><b>' + d.places[d.place[i]] + "</b>"
        + (names ? ' <span class="cm-names">(' + names + ")</span>" : "")
        + (d.located[d.place[i]] ? '<br><span class="cm-located">' + d.located[d.place[i]] + "</span>" : "")
        + '<br><span class="cm-status" style="color:' + colour + '">' + label + "</span> · " + d.dates[d.date[i]]
        + " (" + d.precisions[d.precision[i]] + ")"
        + (d.claimant[i] < 0 ? "" : "<br>Claimant: " + d.claimants[d.claimant[i]])
        + "<br><i>Reported by " + count + " source" + (count === 1 ? "" : "s")
        + (d.outlets[i] > 1 ? " from " + d.outlets[i] + " outlets" : "") + '</i><ol class="cm-sources">';
      for (let k = d.first[i]; k < d.first[i + 1]; k++) html += source(k);
      const shown = d.first[i + 1] - d.first[i];
      return html + (count > shown ? "<li>and " + (count - shown) + " more</li>" : "") + "</ol></div>";
    };
    const tooltip = (i) => d.places[d.place[i]] + ": " + d.styles[d.status[i]][0] + ", " + d.dates[d.date[i]]
      + " (" + d.sources[i] + " sources)";
    const shape = (i) => {
      const [status, colour] = d.styles[d.status[i]];
      return d.region[i] < 0
        ? new Marker([d.lat[i], d.lon[i]], {icon: icons[2 * d.status[i] + (d.precision[i] ? 1 : 0)],
                                            title: d.places[d.place[i]] + " — " + status})
        : L.GeoJSON.geometryToLayer(d.regions[d.region[i]], {color: colour, weight: 2, fillColor: colour,
                                                             fillOpacity: 0.1, dashArray: "6,4"});
    };
    const layers = d.lat.map((lat, i) => shape(i).bindPopup(() => popup(i), {maxWidth: 440, maxHeight: 360})
      .bindTooltip(() => tooltip(i)));
    const markers = layers.filter((layer) => layer instanceof Marker);
    const events = Object.assign(new Events(), {markers}).addTo(group);
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
