// callflow agent console. Push and heartbeats over the WebSocket; agent actions as
// POST /api/calls/{callId}/events. Server text is only ever set with textContent.
(function () {
  'use strict';

  var STEPS = ['RINGING', 'ANSWERED', 'GREETING', 'COLLECTING_INFO', 'RESOLVING', 'CONFIRMING', 'CLOSING', 'ENDED'];
  var RETRY_MILLIS = [500, 1000, 2000, 4000, 8000, 15000];
  var MAX_ALERTS = 6;

  var agent = new URLSearchParams(location.search).get('agent') || '';
  var call = { id: null, state: null, resumeStep: null };
  var socket = null;
  var retries = 0;
  var heartbeatTimer = null;
  var byId = function (id) { return document.getElementById(id); };

  byId('agent-id').textContent = agent;

  function setConnection(kind, text) {
    var el = byId('connection');
    el.className = 'connection ' + kind;
    el.textContent = text;
  }

  function currentStep() {
    if (STEPS.indexOf(call.state) >= 0) { return call.state; }
    return call.resumeStep;
  }

  function callActive() {
    return call.id !== null && call.state !== 'ENDED';
  }

  function renderButtons() {
    var enabled = callActive();
    document.querySelectorAll('[data-needs-call]').forEach(function (b) { b.disabled = !enabled; });
  }

  function renderSteps() {
    var step = currentStep();
    var index = STEPS.indexOf(step);
    var inProcedure = call.state !== null && STEPS.indexOf(call.state) < 0;
    document.querySelectorAll('#steps li').forEach(function (li, i) {
      li.classList.toggle('done', index >= 0 && i < index);
      li.classList.toggle('current', i === index && !inProcedure);
      li.classList.toggle('paused', i === index && inProcedure);
      if (i === index) { li.setAttribute('aria-current', 'step'); } else { li.removeAttribute('aria-current'); }
    });
  }

  function onState(m) {
    if (call.id !== m.callId) { clearCall(); }
    call.id = m.callId;
    call.state = m.state;
    call.resumeStep = m.resumeStep || null;
    byId('call-id').textContent = m.callId;
    var badge = byId('procedure');
    if (m.procedure) {
      badge.textContent = m.state.replace(/_/g, ' ') + ' (' + m.procedure + ' procedure)'
        + (m.reconnectAttempt > 0 ? ' — attempt ' + m.reconnectAttempt : '');
      badge.className = 'badge ' + m.procedure;
    } else {
      badge.className = 'badge hidden';
    }
    if (m.state === 'ENDED') { clearBanners(); setMasked(false); }
    renderSteps();
    renderButtons();
  }

  function clearCall() {
    clearBanners();
    setMasked(false);
    ['customerName', 'contactNumber', 'problem', 'details'].forEach(function (f) { byId(f).value = ''; });
    byId('action-error').classList.add('hidden');
  }

  function onPrompt(m) {
    if (call.id === null) { call.id = m.callId; byId('call-id').textContent = m.callId; renderButtons(); }
    byId('prompt-key').textContent = m.key;
    byId('prompt-text').textContent = m.text;
  }

  function onBanner(m) {
    var box = byId('banners');
    // One banner per kind and scope: the service's line-down notice and a call's own
    // line-failure banner are two, and clearing one must leave the other standing.
    var scope = m.callId ? 'call' : 'service';
    var existing = box.querySelector('[data-kind="' + m.kind + '"][data-scope="' + scope + '"]');
    if (!m.active) {
      if (existing) { existing.remove(); }
      return;
    }
    var el = existing || document.createElement('div');
    el.setAttribute('data-kind', m.kind);
    el.setAttribute('data-scope', scope);
    // A banner without a call is about the service (a trunk line down): it stays until cleared.
    if (!m.callId) { el.setAttribute('data-service', 'true'); }
    el.className = 'banner banner-' + m.kind;
    el.textContent = m.text || m.kind;
    if (m.channels && m.channels.length) {
      var ch = document.createElement('span');
      ch.className = 'channels';
      ch.textContent = 'Other channels to offer: ' + m.channels.join(', ');
      el.appendChild(ch);
    }
    if (!existing) { box.appendChild(el); }
  }

  function clearBanners() {
    byId('banners').querySelectorAll('[data-kind]').forEach(function (el) {
      if (el.getAttribute('data-kind') !== 'HEADSET_FAULT' && !el.hasAttribute('data-service')) { el.remove(); }
    });
  }

  function onAlert(m) {
    var li = document.createElement('li');
    li.className = m.severity || '';
    var kind = document.createElement('span');
    kind.className = 'kind';
    kind.textContent = (m.kind || '').replace(/_/g, ' ') + (m.severity ? ' · ' + m.severity.replace(/_/g, ' ') : '');
    li.appendChild(kind);
    li.appendChild(document.createTextNode(m.text || ''));
    var list = byId('alerts');
    list.insertBefore(li, list.firstChild);
    while (list.children.length > MAX_ALERTS) { list.removeChild(list.lastChild); }
  }

  function setMasked(masked) {
    byId('masking').classList.toggle('hidden', !masked);
    ['customerName', 'contactNumber'].forEach(function (f) { byId(f).type = masked ? 'password' : 'text'; });
    byId('problem').classList.toggle('masked', masked);
  }

  function onMessage(event) {
    var m;
    try { m = JSON.parse(event.data); } catch (e) { return; }
    switch (m.type) {
      case 'hello': startHeartbeat(m.heartbeatMillis); break;
      case 'state': onState(m); break;
      case 'prompt': onPrompt(m); break;
      case 'banner': onBanner(m); break;
      case 'alert': onAlert(m); break;
      case 'masking': if (m.callId === call.id || call.id === null) { setMasked(m.masked); } break;
      case 'error': byId('action-status').textContent = 'Console: ' + m.message; break;
      default: break;
    }
  }

  function startHeartbeat(millis) {
    stopHeartbeat();
    var beat = function () {
      if (socket && socket.readyState === WebSocket.OPEN) {
        socket.send(JSON.stringify({ type: 'heartbeat', callId: callActive() ? call.id : null }));
      }
    };
    beat();
    heartbeatTimer = setInterval(beat, Math.max(1000, millis || 5000));
  }

  function stopHeartbeat() {
    if (heartbeatTimer !== null) { clearInterval(heartbeatTimer); heartbeatTimer = null; }
  }

  function connect() {
    setConnection('connecting', retries > 0 ? 'reconnecting…' : 'connecting…');
    var scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    socket = new WebSocket(scheme + '//' + location.host + '/console/ws?agent=' + encodeURIComponent(agent));
    socket.onopen = function () { retries = 0; setConnection('connected', 'connected'); };
    socket.onmessage = onMessage;
    socket.onclose = function (event) {
      stopHeartbeat();
      if (event.code === 1008) {
        setConnection('disconnected', 'refused: ' + event.reason);
        return;
      }
      var wait = RETRY_MILLIS[Math.min(retries, RETRY_MILLIS.length - 1)];
      retries++;
      setConnection('disconnected', 'disconnected — retrying in ' + Math.ceil(wait / 1000) + ' s');
      setTimeout(connect, wait);
    };
  }

  function post(body) {
    if (!callActive()) { return Promise.resolve(false); }
    var errorBox = byId('action-error');
    errorBox.classList.add('hidden');
    byId('action-status').textContent = 'Sending ' + body.type + '…';
    return fetch('/api/calls/' + encodeURIComponent(call.id) + '/events', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body)
    }).then(function (response) {
      if (response.ok) {
        byId('action-status').textContent = body.type + ' sent';
        return true;
      }
      return response.text().then(function (text) {
        var message = text;
        try { message = JSON.parse(text).message || text; } catch (e) { /* plain text reply: shown as is */ }
        throw new Error(message || ('HTTP ' + response.status));
      });
    }).catch(function (error) {
      byId('action-status').textContent = '';
      errorBox.textContent = 'Not accepted (' + body.type + '): ' + error.message;
      errorBox.classList.remove('hidden');
      return false;
    });
  }

  function value(id) { return byId(id).value.trim(); }

  function infoData() {
    var data = {};
    ['customerName', 'contactNumber', 'problem'].forEach(function (f) { if (value(f)) { data[f] = value(f); } });
    return data;
  }

  function on(id, handler) { byId(id).addEventListener('click', handler); }

  on('next-step', function () {
    var step = currentStep();
    post({ type: 'StepCompleted', step: step, data: step === 'COLLECTING_INFO' ? infoData() : {} });
  });
  on('record-info', function () {
    var data = infoData();
    Object.keys(data).reduce(function (previous, field) {
      return previous.then(function (ok) {
        return ok ? post({ type: 'InfoRecorded', field: field, value: data[field] }) : false;
      });
    }, Promise.resolve(true));
  });
  on('sensitive-start', function () { post({ type: 'SensitiveStarted' }); });
  on('sensitive-end', function () { post({ type: 'SensitiveEnded' }); });
  on('complaint', function () { post({ type: 'ComplaintRaised', text: value('details') }); });
  on('emergency', function () { post({ type: 'EmergencyDeclared', description: value('details') }); });
  on('call-dropped', function () { post({ type: 'DropReported', leg: 'CUSTOMER' }); });
  on('system-failure', function () { post({ type: 'SystemFailureReported', description: value('details') }); });

  renderSteps();
  renderButtons();
  connect();
}());
