// The playground: several chat panes, each acting as one web identity, on the same engine as every
// other channel. Every piece of text from the server is put on the page with textContent, never as
// HTML, because it is what people typed.
'use strict';

(() => {
  const POLL_MS = 1000;
  const STEPS = {
    INTAKE: '1. Intake',
    TALKING: '2. Talk it out',
    TERMS: '3. Terms',
    TASKS: '4. What is still needed',
    TASK_REVIEW: '4b. Expert reviews the tasks',
    EXPERT_CHOICE: '5. Who does it',
    REPLACEMENT: '5b. Replacement expert',
    REWORK: '6. Rework',
    STALLED: '6b. Rework stalled',
    CHECK: '7. Check',
    FEE: '8. Fair fee',
    MEDIATION: 'With a mediator',
    CLOSED: 'Closed',
  };

  const state = {
    people: [],
    mediators: [],
    panes: [],
    paneCounter: 0,
    selectedDispute: '',
    disputeRefreshTimer: null,
  };

  const $ = (id) => document.getElementById(id);

  // ---- small helpers ----

  /** Creates an element; string children become text nodes, so nothing is ever parsed as HTML. */
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    Object.entries(props || {}).forEach(([key, value]) => {
      if (value === undefined || value === null || value === false) return;
      if (key === 'className') node.className = value;
      else if (key === 'dataset') Object.assign(node.dataset, value);
      else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? '' : String(value));
    });
    children.flat(Infinity).forEach((child) => {
      if (child === undefined || child === null || child === false) return;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    });
    return node;
  }

  /** Calls the API; resolves to the JSON body, rejects with the API's own explanation. */
  async function api(path, options) {
    let response;
    try {
      response = await fetch(path, {
        headers: { 'Accept': 'application/json', 'Content-Type': 'application/json' },
        ...options,
      });
    } catch (networkError) {
      throw new Error('The playground cannot reach the server. Is the app still running?');
    }
    let body = null;
    try {
      body = await response.json();
    } catch (notJson) {
      body = null;
    }
    if (!response.ok) {
      const reason = body && typeof body.error === 'string' ? body.error : 'The server answered ' + response.status + '.';
      const error = new Error(reason);
      error.status = response.status;
      throw error;
    }
    return body;
  }

  function setStatus(text) {
    $('status').textContent = text || '';
  }

  function formatTime(iso) {
    if (!iso) return '';
    const date = new Date(iso);
    return date.toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });
  }

  function relativeTime(iso) {
    if (!iso) return '';
    const seconds = (new Date(iso).getTime() - Date.now()) / 1000;
    const units = [['day', 86400], ['hour', 3600], ['minute', 60]];
    const format = new Intl.RelativeTimeFormat([], { numeric: 'auto' });
    for (const [unit, size] of units) {
      if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
    }
    return format.format(Math.round(seconds), 'second');
  }

  function timeElement(iso) {
    return iso ? el('time', { datetime: iso, title: iso }, formatTime(iso)) : '';
  }

  function money(amount) {
    return amount ? amount.amount + ' ' + amount.currency : '';
  }

  function humanize(constant) {
    if (!constant) return '';
    const words = String(constant).toLowerCase().replace(/_/g, ' ');
    return words.charAt(0).toUpperCase() + words.slice(1);
  }

  // ---- identities ----

  function describeRoles(person) {
    if (!person.orders.length) return 'no orders';
    return person.orders.map((order) => order.role + ' of ' + order.id).join(', ');
  }

  function identityInfo(identity) {
    const person = state.people.find((p) => p.identity === identity);
    if (person) {
      return {
        name: person.name,
        role: person.orders.length
          ? person.orders.map((o) => humanize(o.role) + ' in ' + o.id + ' "' + o.title + '"').join('; ')
          : 'Has no orders.',
      };
    }
    const mediator = state.mediators.find((m) => m.identity === identity);
    if (mediator) return { name: mediator.name, role: 'Mediator: can claim and decide disputes handed to a human.' };
    return { name: identity, role: '' };
  }

  function fillPicker(select, chosen) {
    select.replaceChildren(el('option', { value: '' }, 'Pick a person'));
    if (state.people.length) {
      select.append(el('optgroup', { label: 'Clients and experts' },
        state.people.map((p) => el('option', { value: p.identity, title: describeRoles(p) },
          p.name + ' (' + p.identity + ')'))));
    }
    if (state.mediators.length) {
      select.append(el('optgroup', { label: 'Mediators' },
        state.mediators.map((m) => el('option', { value: m.identity }, m.name + ' (' + m.identity + ')'))));
    }
    select.value = chosen || '';
  }

  /** The first client, the expert of that client's first order, and the first mediator. */
  function defaultIdentities() {
    const client = state.people.find((p) => p.orders.some((o) => o.role === 'client'));
    const order = client && client.orders.find((o) => o.role === 'client');
    const expert = order && state.people.find((p) => p.id === order.expert);
    const mediator = state.mediators[0];
    return [client && client.identity, expert && expert.identity, mediator && mediator.identity];
  }

  // ---- panes ----

  function addPane(identity) {
    const number = ++state.paneCounter;
    const node = $('pane-template').content.firstElementChild.cloneNode(true);
    const pane = {
      number,
      node,
      identity: '',
      after: 0,
      polling: false,
      followNext: false,
      picker: node.querySelector('.identity-picker'),
      log: node.querySelector('.chat-log'),
      error: node.querySelector('.pane-error'),
      input: node.querySelector('.message-input'),
      send: node.querySelector('.send'),
      file: node.querySelector('.file-input'),
      role: node.querySelector('.pane-role'),
      queue: node.querySelector('.pane-queue'),
      queueList: node.querySelector('.queue-list'),
    };
    pane.picker.id = 'pane-' + number + '-identity';
    pane.input.id = 'pane-' + number + '-message';
    fillPicker(pane.picker, identity);
    pane.picker.addEventListener('change', () => switchIdentity(pane, pane.picker.value));
    node.querySelector('.remove-pane').addEventListener('click', () => removePane(pane));
    node.querySelector('.composer').addEventListener('submit', (event) => {
      event.preventDefault();
      sendText(pane);
    });
    pane.file.addEventListener('change', () => sendFile(pane));
    pane.input.addEventListener('keydown', (event) => {
      // Enter sends; Shift+Enter is a new line; never interrupt an input method's composition.
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        sendText(pane);
      }
    });
    state.panes.push(pane);
    $('panes').append(node);
    switchIdentity(pane, identity || '');
    return pane;
  }

  function removePane(pane) {
    state.panes = state.panes.filter((p) => p !== pane);
    pane.node.remove();
    scheduleDisputeRefresh();
  }

  function switchIdentity(pane, identity) {
    pane.identity = identity;
    pane.after = 0;
    pane.error.textContent = '';
    pane.log.replaceChildren();
    const info = identityInfo(identity);
    pane.role.textContent = identity ? info.role : 'Pick who you are in this pane.';
    pane.node.setAttribute('aria-label', identity ? 'Chat as ' + info.name : 'Chat pane ' + pane.number);
    pane.input.disabled = !identity;
    pane.send.disabled = !identity;
    pane.queue.hidden = !isMediator(identity);
    pane.queueList.replaceChildren();
    if (identity) {
      showEmptyHint(pane);
      poll(pane);
    }
    scheduleDisputeRefresh();
  }

  function isMediator(identity) {
    return state.mediators.some((m) => m.identity === identity);
  }

  /** A mediator pane lists the hand-offs nobody has claimed, longest waiting first, each with Claim. */
  function renderQueue(pane, waiting) {
    if (!isMediator(pane.identity)) return;
    if (!waiting.length) {
      pane.queueList.replaceChildren(el('li', { className: 'muted' }, 'No dispute is waiting for a mediator.'));
      return;
    }
    pane.queueList.replaceChildren(...waiting.map((w) => el('li', {},
      el('span', {}, w.id + ' - ' + w.orderId + ' "' + w.orderTitle + '": ' + humanize(w.reason || '') + ', since '),
      timeElement(w.since),
      el('button', {
        type: 'button',
        onclick: async (event) => {
          event.currentTarget.disabled = true;
          try {
            await post(pane, { text: '/claim ' + w.id }, 'Claim ' + w.id);
          } catch (error) {
            showError(pane, error.message);
          }
        },
      }, 'Claim'))));
  }

  async function refreshQueue() {
    const mediatorPanes = state.panes.filter((pane) => isMediator(pane.identity));
    if (!mediatorPanes.length) return;
    try {
      const queue = await api('/api/disputes/waiting-for-mediator');
      mediatorPanes.forEach((pane) => renderQueue(pane, queue.waiting));
    } catch (error) {
      setStatus(error.message);
    }
  }

  function showEmptyHint(pane) {
    if (!pane.log.children.length) {
      pane.log.append(el('li', { className: 'empty' },
        'No messages yet. Say hello, or say that you want to open a dispute.'));
    }
  }

  function removeEmptyHint(pane) {
    pane.log.querySelectorAll('.empty').forEach((node) => node.remove());
  }

  /** Follows the conversation, unless the reader scrolled up to read something older. */
  function appendToLog(pane, node, follow) {
    const log = pane.log;
    const nearBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 80;
    removeEmptyHint(pane);
    log.append(node);
    if (follow || nearBottom) log.scrollTop = log.scrollHeight;
  }

  /** Shows a problem under the log; the log keeps its latest line in view although it gets shorter. */
  function showError(pane, text) {
    const log = pane.log;
    const atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 80;
    pane.error.textContent = text;
    if (atBottom) log.scrollTop = log.scrollHeight;
  }

  function appendMine(pane, text) {
    appendToLog(pane, el('li', { className: 'msg me' },
      el('div', { className: 'meta' }, 'You'),
      el('div', { className: 'bubble' }, text)), true);
    pane.followNext = true;
  }

  function appendFromBot(pane, message, follow) {
    // Options of earlier messages stay clickable (the bot explains if one no longer applies), but
    // look secondary so the current choice stands out.
    pane.log.querySelectorAll('.msg.bot').forEach((node) => node.classList.add('older'));
    const item = el('li', { className: 'msg bot', dataset: { seq: message.seq } },
      el('div', { className: 'meta' }, 'Bot ', timeElement(message.at)),
      el('div', { className: 'bubble' }, message.text));
    if (message.attachments && message.attachments.length) {
      // Evidence files: links that download them (the server sends them only as attachments).
      const files = el('ul', { className: 'attachments', 'aria-label': 'Files' });
      message.attachments.forEach((file) => {
        const href = '/api/evidence/' + encodeURIComponent(file.dispute) + '/' + encodeURIComponent(file.id)
          + '?as=' + encodeURIComponent(pane.identity);
        files.append(el('li', {}, el('a', { href, download: file.name }, file.name + ' (' + size(file.size) + ')')));
      });
      item.append(files);
    }
    if (message.options && message.options.length) {
      const group = el('div', { className: 'options', role: 'group', 'aria-label': 'Reply options' });
      message.options.forEach((option) => {
        group.append(el('button', {
          type: 'button',
          onclick: (event) => sendOption(pane, option, event.currentTarget, group),
        }, option.label));
      });
      item.append(group);
    }
    appendToLog(pane, item, follow);
  }

  async function poll(pane) {
    if (!pane.identity || pane.polling) return;
    pane.polling = true;
    const identity = pane.identity;
    try {
      const page = await api('/api/inbox?as=' + encodeURIComponent(identity) + '&after=' + pane.after);
      if (identity !== pane.identity) return; // switched while waiting
      if (page.last < pane.after) {
        // The inbox was reset (Redis emptied): start over rather than wait for numbers we have seen.
        pane.after = 0;
        pane.log.replaceChildren();
        showEmptyHint(pane);
        return;
      }
      // After the person spoke, show the bot's answer even if it is long.
      const follow = pane.followNext;
      page.messages.forEach((message) => appendFromBot(pane, message, follow));
      if (page.messages.length) {
        pane.followNext = false;
        pane.after = page.messages[page.messages.length - 1].seq;
        scheduleDisputeRefresh();
      }
      setStatus('');
    } catch (error) {
      if (error.status) showError(pane, error.message);
      else setStatus(error.message);
    } finally {
      pane.polling = false;
    }
  }

  function pollAll() {
    if (document.hidden) return;
    state.panes.forEach(poll);
  }

  /** A new client message id: the server applies the messages with one id once, so sending again is safe. */
  function newMessageId() {
    if (window.crypto && typeof window.crypto.randomUUID === 'function') return window.crypto.randomUUID();
    const bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  }

  const SEND_ATTEMPTS = 3;
  const SEND_TIMEOUT_MS = 10000;

  /**
   * Posts one message; after a timeout, a lost connection or a 503 (the server's store briefly away) it is
   * sent again with the same message id, which the server applies once however often it arrives.
   */
  async function postMessage(payload) {
    for (let attempt = 1; ; attempt++) {
      const abort = new AbortController();
      const timer = setTimeout(() => abort.abort(), SEND_TIMEOUT_MS);
      try {
        return await api('/api/messages', { method: 'POST', body: JSON.stringify(payload), signal: abort.signal });
      } catch (error) {
        const retryable = error.status === undefined || error.status === 503;
        if (!retryable || attempt >= SEND_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
      } finally {
        clearTimeout(timer);
      }
    }
  }

  /** Sends as the pane's identity; on success shows what was said, then fetches everyone's answers. */
  async function post(pane, body, shownAs) {
    pane.error.textContent = '';
    await postMessage({ as: pane.identity, ...body, messageId: newMessageId() });
    appendMine(pane, shownAs);
    pollAll();
    scheduleDisputeRefresh();
  }

  async function sendText(pane) {
    const text = pane.input.value;
    if (!pane.identity) {
      showError(pane, 'Pick who you are in this pane first.');
      return;
    }
    if (!text.trim()) return;
    pane.send.disabled = true;
    try {
      await post(pane, { text }, text);
      pane.input.value = '';
    } catch (error) {
      showError(pane, error.message);
    } finally {
      pane.send.disabled = false;
      pane.input.focus();
    }
  }

  function size(bytes) {
    if (bytes < 1024) return bytes + ' B';
    if (bytes < 1024 * 1024) return Math.round(bytes / 1024) + ' KB';
    return (bytes / (1024 * 1024)).toFixed(1) + ' MB';
  }

  /**
   * Uploads the chosen file as evidence, with the text field as its caption: the file's raw bytes, its name
   * and caption in headers; sent again with the same message id after a timeout or a 503, kept once.
   */
  async function sendFile(pane) {
    const file = pane.file.files[0];
    pane.file.value = '';
    if (!file) return;
    if (!pane.identity) {
      showError(pane, 'Pick who you are in this pane first.');
      return;
    }
    const caption = pane.input.value.trim();
    const messageId = newMessageId();
    const path = '/api/evidence?as=' + encodeURIComponent(pane.identity) + '&messageId=' + encodeURIComponent(messageId);
    const headers = {
      'Accept': 'application/json',
      'Content-Type': file.type || 'application/octet-stream',
      'X-File-Name': encodeURIComponent(file.name),
    };
    if (caption) headers['X-Caption'] = encodeURIComponent(caption);
    pane.error.textContent = '';
    pane.send.disabled = true;
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          await api(path, { method: 'POST', headers, body: file });
          break;
        } catch (error) {
          const retryable = error.status === undefined || error.status === 503;
          if (!retryable || attempt >= SEND_ATTEMPTS) throw error;
          await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
        }
      }
      appendMine(pane, (caption ? caption + '\n' : '') + 'Attached ' + file.name + ' (' + size(file.size) + ')');
      pane.input.value = '';
      pollAll();
      scheduleDisputeRefresh();
    } catch (error) {
      showError(pane, error.message);
    } finally {
      pane.send.disabled = false;
    }
  }

  async function sendOption(pane, option, button, group) {
    const buttons = Array.from(group.querySelectorAll('button'));
    buttons.forEach((b) => { b.disabled = true; });
    try {
      await post(pane, { option: option.id }, option.label);
      button.classList.add('chosen');
    } catch (error) {
      showError(pane, error.message);
      buttons.forEach((b) => { b.disabled = false; });
    }
  }

  // ---- the dispute panel ----

  function scheduleDisputeRefresh() {
    clearTimeout(state.disputeRefreshTimer);
    state.disputeRefreshTimer = setTimeout(refreshDisputes, 300);
  }

  async function refreshDisputes() {
    refreshQueue();
    const identities = [...new Set(state.panes.map((p) => p.identity).filter(Boolean))];
    const found = new Map();
    await Promise.all(identities.map(async (identity) => {
      try {
        const list = await api('/api/disputes?as=' + encodeURIComponent(identity));
        list.disputes.forEach((d) => found.set(d.id, d));
      } catch (error) {
        // A mediator or a person unknown to the marketplace has no list; the panes say why.
      }
    }));
    const select = $('dispute-select');
    const disputes = [...found.values()];
    select.replaceChildren();
    if (!disputes.length && !state.selectedDispute) {
      select.append(el('option', { value: '' }, 'No open dispute yet'));
    }
    disputes.forEach((d) => select.append(el('option', { value: d.id },
      d.id + ' - ' + d.orderId + ' "' + d.orderTitle + '" - ' + (STEPS[d.step] || d.step))));
    if (state.selectedDispute && !found.has(state.selectedDispute)) {
      // Closed disputes leave the open lists; keep showing the chosen one so its outcome stays visible.
      select.append(el('option', { value: state.selectedDispute }, state.selectedDispute + ' (not open any more)'));
    }
    if (!state.selectedDispute && disputes.length) state.selectedDispute = disputes[0].id;
    select.value = state.selectedDispute;
    await showDispute(state.selectedDispute);
  }

  async function showDispute(id) {
    const details = $('dispute-details');
    const problem = $('dispute-error');
    if (!id) {
      details.replaceChildren(el('p', { className: 'muted' },
        'When someone opens a dispute, its step, deadline, tasks, fee proposals, outcome and timeline show here.'));
      problem.textContent = '';
      return;
    }
    try {
      const dispute = await api('/api/disputes/' + encodeURIComponent(id));
      problem.textContent = '';
      details.replaceChildren(...renderDispute(dispute));
    } catch (error) {
      problem.textContent = error.message;
    }
  }

  function section(title, ...content) {
    return [el('h3', {}, title), ...content];
  }

  function definitionList(rows) {
    return el('dl', {}, rows.filter(([, value]) => value !== '' && value !== null && value !== undefined)
      .map(([term, value]) => [el('dt', {}, term), el('dd', {}, value)]));
  }

  function renderDispute(d) {
    const parts = [];
    parts.push(el('div', { className: 'step-banner' }, STEPS[d.step] || d.step));
    if (d.stepDeadline) {
      parts.push(el('div', { className: 'deadline' }, 'Waiting until ', timeElement(d.stepDeadline),
        ' (' + relativeTime(d.stepDeadline) + ')'));
    }
    parts.push(definitionList([
      ['Dispute', d.id],
      ['Order', d.order.id + ' "' + d.order.title + '"'],
      ['Client', d.order.client],
      ['Expert', d.order.expert],
      ['Delivery', humanize(d.order.deliveryStatus)],
      ['Opened by', d.openedBy],
      ['Opened', timeElement(d.openedAt)],
      ['Reason', humanize(d.reason)],
      ['Description', d.description],
    ]));

    if (d.outcome) {
      parts.push(...section('Outcome', definitionList([
        ['Outcome', humanize(d.outcome.type)],
        ['Payout to expert', d.outcome.payout ? d.outcome.payout + ' ' + d.outcome.currency : ''],
        ['Refund to client', d.outcome.refund ? d.outcome.refund + ' ' + d.outcome.currency : ''],
        ['Decided by', d.outcome.decidedBy],
        ['Decided', timeElement(d.outcome.decidedAt)],
      ])));
    }

    if (d.mediation && d.mediation.reason) {
      parts.push(...section('Mediator', definitionList([
        ['Why', humanize(d.mediation.reason)],
        ['Claimed by', d.mediation.mediator || 'nobody yet'],
        ['Bot resumes at', d.mediation.resumeStep ? (STEPS[d.mediation.resumeStep] || d.mediation.resumeStep) : ''],
      ])));
    }

    parts.push(...section('Agreed terms', definitionList([
      ['Deliverables', d.terms.deliverables.join('; ')],
      ['Deadline', d.terms.deadline],
      ['Price', money(d.terms.price)],
      ['Paid', money(d.terms.paid)],
      ['Defined by mediator', d.termsDefinedByMediator],
      ['Confirmed by', d.termsConfirmedBy.join(', ') || 'nobody yet'],
    ])));

    parts.push(...section('Tasks', d.tasks.length
      ? el('ol', {}, d.tasks.map((task) => el('li', {}, task.text,
        el('span', { className: 'badge' + (task.scope === 'EXCLUDED' ? ' bad' : '') }, humanize(task.scope)),
        task.doneClaimed ? el('span', { className: 'badge' }, 'expert says done') : '',
        task.verdict === 'UNCHECKED' ? ''
          : el('span', { className: 'badge ' + (task.verdict === 'DONE' ? 'good' : 'bad') }, humanize(task.verdict)))))
      : el('p', { className: 'muted' }, 'No tasks listed yet.')));

    if (d.rework.round > 0) {
      parts.push(...section('Rework', definitionList([
        ['Round', d.rework.round],
        ['Working expert', d.rework.workingExpert],
        ['Replacement', d.rework.replacementExpert],
        ['Deadline', d.rework.deadline ? [timeElement(d.rework.deadline), ' (' + relativeTime(d.rework.deadline) + ')'] : ''],
        ['Redelivered', d.rework.redelivered ? 'yes' : 'not yet'],
        ['Stalled', humanize(d.rework.stalledBecause)],
      ])));
    }
    if (d.rework.moneyBackRequested) {
      parts.push(el('p', { className: 'muted' }, 'The client asked for their money back.'));
    }

    if (d.extensions.length) {
      parts.push(...section('Requests for more time', el('ol', {}, d.extensions.map((e) => el('li', {},
        e.requestedBy + ' asked for ' + e.days + ' day(s)' + (e.why ? ': ' + e.why : '') + ' ',
        el('span', { className: 'badge' + (e.answer === 'GRANTED' ? ' good' : e.answer === 'DECLINED' ? ' bad' : '') },
          humanize(e.answer)))))));
    }

    const fee = d.fee;
    if (fee.round > 0 || Object.keys(fee.proposals).length || fee.suggestion) {
      parts.push(...section('Fair fee', definitionList([
        ['Round', fee.round],
        ['Client proposes', money(fee.proposals.client)],
        ['Expert proposes', money(fee.proposals.expert)],
        ['Proposed this round', fee.proposedThisRound.join(', ') || 'nobody yet'],
        ['Figures shown to both', fee.figuresRevealed ? 'yes' : 'not yet'],
        ['Bot suggests', money(fee.suggestion)],
        ['Accepted by', fee.suggestionAcceptedBy.join(', ')],
      ])));
    }

    parts.push(...section('Timeline', d.timeline.length
      ? el('ol', { className: 'timeline' }, d.timeline.map((t) => el('li', {},
        timeElement(t.at), ' ', t.actor + ': ' + (STEPS[t.from] || t.from)
          + (t.from === t.to ? '' : ' \u2192 ' + (STEPS[t.to] || t.to)) + (t.why ? ' (' + t.why + ')' : ''))))
      : el('p', { className: 'muted' }, 'Nothing recorded yet.')));

    parts.push(el('details', {},
      el('summary', {}, 'Transcript (' + d.transcript.length + ' latest lines)'),
      el('ol', { className: 'transcript' }, d.transcript.map((line) => el('li', {},
        timeElement(line.at), ' ' + line.from + ' \u2192 ' + line.to + ': ', line.text)))));
    return parts;
  }

  // ---- start ----

  async function start() {
    $('add-pane').addEventListener('click', () => {
      const pane = addPane('');
      pane.picker.focus();
    });
    $('dispute-select').addEventListener('change', (event) => {
      state.selectedDispute = event.target.value;
      showDispute(state.selectedDispute);
    });
    $('refresh-dispute').addEventListener('click', refreshDisputes);
    $('dispute-by-id').addEventListener('submit', (event) => {
      event.preventDefault();
      const id = $('dispute-id-input').value.trim();
      if (!id) return;
      state.selectedDispute = id;
      refreshDisputes();
    });

    try {
      const people = await api('/api/people');
      state.people = people.people;
      state.mediators = people.mediators;
      if (!state.people.length) {
        setStatus('Nobody in the marketplace has a web identity (web:...), so there is no one to act as here.');
      }
    } catch (error) {
      setStatus(error.message);
    }
    defaultIdentities().forEach((identity) => addPane(identity));
    setInterval(pollAll, POLL_MS);
    document.addEventListener('visibilitychange', pollAll);
    scheduleDisputeRefresh();
  }

  start();
})();
