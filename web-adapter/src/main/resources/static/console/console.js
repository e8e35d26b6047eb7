// The fee form: the refund the client gets, computed as the mediator types (paid - fee), and the
// money invariant (0 <= fee <= paid) checked by the browser before the form is sent.
const feeForm = () => {
    const form = document.getElementById('fee-form');
    if (!form) {
        return;
    }
    const amount = document.getElementById('fee-amount');
    const refund = document.getElementById('fee-refund');
    const paid = Number(form.dataset.paid);
    const digits = (amount.step === '1') ? 0 : 2;
    const show = () => {
        const fee = Number(amount.value);
        if (amount.value === '' || Number.isNaN(fee) || fee < 0 || fee > paid) {
            refund.textContent = '';
            return;
        }
        refund.textContent = refund.dataset.template.replace('{0}', (paid - fee).toFixed(digits) + ' ' + form.dataset.currency);
    };
    amount.addEventListener('input', show);
};
document.addEventListener('DOMContentLoaded', feeForm);

// Updates without reloading: the server sends an event with the page's new version whenever what it shows
// changed (a party's message, a claim by someone else, a new step: see ConsoleLive). The page then fetches
// itself again and swaps in its changed parts. A part marked data-keep (the forms a mediator may be typing
// in) is swapped only when what it offers changed (data-state), never while it merely could be.
document.addEventListener('DOMContentLoaded', () => {
    const live = document.getElementById('live');
    if (!live || !window.EventSource || !window.DOMParser) {
        return;
    }
    let version = live.dataset.version;
    let busy = false;
    let again = false;
    const swap = (fresh) => {
        let swapped = false;
        for (const now of document.querySelectorAll('[data-live]')) {
            const next = fresh.getElementById(now.id);
            // An unchanged part stays as it is: no flicker, and whatever the reader holds in it (a selection,
            // the focus) is kept.
            if (!next || now.isEqualNode(next)) {
                continue;
            }
            if (now.dataset.keep !== undefined && now.dataset.state === next.dataset.state) {
                continue;
            }
            now.replaceWith(document.importNode(next, true));
            swapped = true;
        }
        if (swapped) {
            feeForm();
            live.hidden = false;
        }
    };
    const refresh = async () => {
        if (busy) {
            again = true;
            return;
        }
        busy = true;
        try {
            const response = await fetch(window.location.href, {headers: {Accept: 'text/html'}});
            if (response.ok && !response.redirected) {
                swap(new DOMParser().parseFromString(await response.text(), 'text/html'));
            }
        } catch (e) {
            // offline for a moment: the next event tries again
        } finally {
            busy = false;
            if (again) {
                again = false;
                refresh();
            }
        }
    };
    const events = new EventSource(live.dataset.events);
    events.addEventListener('version', (event) => {
        if (event.data !== version) {
            version = event.data;
            refresh();
        }
    });
    window.addEventListener('pagehide', () => events.close());
});
