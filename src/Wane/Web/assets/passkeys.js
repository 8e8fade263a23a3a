// Passkeys (WebAuthn): making one on /passkeys and signing in with one on /signin. Only pages that offer passkeys
// load this file; without it (or without WebAuthn) those forms stay hidden and everything else works.
// The server makes the options and checks the browser's answer (ASP.NET Core Identity); this script only carries
// them between the server and navigator.credentials.
(function () {
    'use strict';

    var forms = document.querySelectorAll('form[data-passkey]');
    if (forms.length === 0) {
        return;
    }
    // A passkey belongs to a site's name: opened by a bare IP address (127.0.0.1) there is none to give it.
    var named = !/^(\d+\.){3}\d+$|^\[/.test(location.hostname);
    var supported = named && window.isSecureContext && window.PublicKeyCredential
        && typeof PublicKeyCredential.parseCreationOptionsFromJSON === 'function'
        && typeof PublicKeyCredential.parseRequestOptionsFromJSON === 'function'
        && typeof PublicKeyCredential.prototype.toJSON === 'function';
    if (!supported) {
        var note = document.getElementById('passkey-unsupported');
        if (note) {
            note.hidden = false;
        }
        return;
    }

    forms.forEach(function (form) {
        var status = form.querySelector('[data-passkey-status]');
        var credential = form.querySelector('input[name="Credential"]');
        var button = form.querySelector('button[type="submit"]');
        var say = function (text) { if (status) { status.textContent = text; } };
        form.hidden = false;

        form.addEventListener('submit', function (e) {
            if (credential.value) {
                return;
            }
            e.preventDefault();
            button.disabled = true;
            say('Waiting for your device…');
            var token = form.querySelector('input[name="__RequestVerificationToken"]');
            fetch(form.dataset.options, {
                method: 'POST',
                credentials: 'same-origin',
                headers: { 'RequestVerificationToken': token ? token.value : '' }
            })
                .then(function (r) {
                    if (!r.ok) {
                        throw new Error(r.status === 429 ? 'Too many attempts. Wait a minute and try again.' : 'Wane did not answer. Try again.');
                    }
                    return r.json();
                })
                .then(function (options) {
                    return form.dataset.passkey === 'create'
                        ? navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options) })
                        : navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options) });
                })
                .then(function (made) {
                    if (!made) {
                        throw new Error('No passkey came back. Try again.');
                    }
                    credential.value = JSON.stringify(made.toJSON());
                    form.submit();
                })
                .catch(function (err) {
                    button.disabled = false;
                    say(err && err.name === 'NotAllowedError'
                        ? 'Cancelled, or no passkey for this site on this device.'
                        : (err && err.name === 'InvalidStateError'
                            ? 'This device already holds a passkey for you here.'
                            : (err && err.message) || 'That did not work. Try again.'));
                });
        });
    });
})();
