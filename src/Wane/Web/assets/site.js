// Wane's only script. Pages work without it; it adds conveniences. It lives here, not inline, so the
// Content-Security-Policy can forbid inline script on every page (script-src 'self').
(function () {
    'use strict';

    // New plan: refresh the preview as the form changes.
    var form = document.querySelector('form[data-preview-url]');
    var preview = document.getElementById('preview');
    if (form && preview) {
        var timer;
        form.addEventListener('input', function () {
            clearTimeout(timer);
            timer = setTimeout(function () {
                fetch(form.dataset.previewUrl, { method: 'POST', body: new FormData(form) })
                    .then(function (r) { return r.ok ? r.text() : null; })
                    .then(function (html) { if (html !== null) { preview.innerHTML = html; } });
            }, 400);
        });
    }

    // Print buttons: shown only when this script runs (without it the browser's own Print works).
    document.querySelectorAll('button[data-print]').forEach(function (b) {
        b.hidden = false;
        b.addEventListener('click', function () { window.print(); });
    });


    // The dose form: the unit list follows the chosen product. The server renders the right list for the
    // product it preselects and refuses a unit that does not fit, so this only saves a round trip.
    document.querySelectorAll('select[data-unit-list]').forEach(function (products) {
      var units = document.getElementById(products.dataset.unitList);
      if (!units) { return; }
      products.addEventListener('change', function () {
        var option = products.selectedOptions[0];
        if (!option || !option.dataset.units) { return; }
        var fits = option.dataset.units.split(' ');
        var keep = fits.indexOf(units.value) >= 0 ? units.value : (option.dataset.lastUnit || fits[0]);
        units.replaceChildren.apply(units, fits.map(function (u) {
          var o = document.createElement('option');
          o.value = u;
          o.textContent = u;
          o.selected = u === keep;
          return o;
        }));
      });
    });

    // Time zone select: a filter box above the long IANA list, and on the first-account page the
    // browser's own zone preselected (unless the person already chose one).
    document.querySelectorAll('select[data-zone-list]').forEach(function (zones) {
      if (zones.dataset.guess === '1') {
        try {
          var guess = Intl.DateTimeFormat().resolvedOptions().timeZone;
          if (guess && Array.prototype.some.call(zones.options, function (o) { return o.value === guess; })) {
            zones.value = guess;
          }
        } catch (e) { /* no Intl: keep the server's choice */ }
      }
      var filter = document.createElement('input');
      filter.type = 'search';
      filter.id = zones.id + '-filter';
      filter.setAttribute('aria-label', 'Filter time zones');
      filter.placeholder = 'Type to filter, e.g. York';
      filter.autocomplete = 'off';
      zones.parentNode.insertBefore(filter, zones);
      filter.addEventListener('input', function () {
        var q = filter.value.trim().toLowerCase().replace(/ /g, '_');
        var first = null;
        Array.prototype.forEach.call(zones.options, function (o) {
          var show = q === '' || o.value.toLowerCase().indexOf(q) >= 0 || o.selected;
          o.hidden = !show;
          if (show && !first && o.value.toLowerCase().indexOf(q) >= 0) { first = o; }
        });
        if (first && q !== '') { zones.value = first.value; }
      });
    });
})();
