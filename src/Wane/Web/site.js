// Wane's only script. Pages work without it; it adds conveniences. It lives here, not inline, so the
// Content-Security-Policy can forbid inline script on every page (script-src 'self').
(function () {
    'use strict';

    // Setup: fill in the browser's time zone unless the person already typed one (a refused form keeps theirs).
    var zone = document.querySelector('input[data-detect-zone]');
    if (zone && zone.dataset.keep !== '1') {
        try {
            var detected = Intl.DateTimeFormat().resolvedOptions().timeZone;
            if (detected) { zone.value = detected; }
        } catch (e) { /* keep the server's guess */ }
    }

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

    // Print buttons.
    document.querySelectorAll('button[data-print]').forEach(function (b) {
        b.addEventListener('click', function () { window.print(); });
    });
})();
