// The fee form: the refund the client gets, computed as the mediator types (paid - fee), and the
// money invariant (0 <= fee <= paid) checked by the browser before the form is sent.
document.addEventListener('DOMContentLoaded', () => {
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
});

// Updates without reloading a form away: the page asks every 5 seconds whether the dispute changed (a
// party's message, a claim by someone else) and, if so, says so with a link to reload.
document.addEventListener('DOMContentLoaded', () => {
    const live = document.getElementById('live');
    if (!live) {
        return;
    }
    const poll = async () => {
        try {
            const response = await fetch(live.dataset.activity, {headers: {Accept: 'application/json'}});
            if (response.ok && (await response.json()).version !== live.dataset.version) {
                live.hidden = false;
                return;
            }
        } catch (e) {
            // offline for a moment: try again at the next tick
        }
        setTimeout(poll, 5000);
    };
    setTimeout(poll, 5000);
});
