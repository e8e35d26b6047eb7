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
