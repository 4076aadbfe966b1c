// ClaimDeck's page glue, run inside app.js before the app starts (--pre-js).
// It keeps the parts a phone needs and Emscripten's GLFW lacks:
//  - progress in IndexedDB: /data is loaded before main() and saved after
//    each change, one save at a time, and when the page is hidden;
//  - touch: fingers drive ImGui's mouse, with no double-tap zoom, no
//    emulated mouse clicks on top, and no hover left behind;
//  - the on-screen keyboard, through a hidden <input> focused whenever
//    ImGui wants text, and pasted text for ImGui's clipboard;
//  - the canvas backing store at CSS size × devicePixelRatio (main.cpp
//    applies it; this only asks for a frame on resize);
//  - the browser's file picker and downloads, for decks and progress files;
//  - whether input is by touch, so the app can leave out key names.
/* global Module, FS, IDBFS, GLFW, Browser, addRunDependency, removeRunDependency, HEAPU8, _malloc, _free */

Module.claimdeckStoreFile = '/data/progress.sqlite';

// Any input wakes the app up for a moment of frames (see main.cpp).
Module.claimdeckActivity = 1;
if (typeof window !== 'undefined') {
  ['pointerdown', 'pointermove', 'pointerup', 'touchstart', 'touchmove', 'touchend', 'touchcancel', 'keydown',
   'keyup', 'wheel', 'resize', 'focus', 'blur', 'input', 'compositionend'].forEach(function (type) {
    window.addEventListener(type, function () { Module.claimdeckActivity = 1; }, {capture: true, passive: true});
  });
  document.addEventListener('visibilitychange', function () { Module.claimdeckActivity = 1; });
}

// ---- Progress on IndexedDB ---------------------------------------------------

var claimdeckStorage = {ready: false, saving: false, again: false, saves: 0, failures: 0};

function claimdeckMark(name, value) {
  if (typeof document !== 'undefined' && document.body) document.body.dataset[name] = String(value);
}

Module.preRun = (Module.preRun || []).concat([function () {
  FS.mkdir('/data');
  FS.mount(IDBFS, {}, '/data');
  // main() must not open the store before its last saved copy is back.
  addRunDependency('claimdeck-progress');
  FS.syncfs(true, function (error) {
    if (error) {
      // Private windows may refuse IndexedDB: the app still runs, unsaved.
      console.warn('ClaimDeck: progress could not be loaded from IndexedDB', error);
      claimdeckMark('storage', 'memory');
    } else {
      claimdeckMark('storage', 'indexeddb');
    }
    claimdeckStorage.ready = true;
    removeRunDependency('claimdeck-progress');
  });
  if (navigator.storage && navigator.storage.persist) {
    navigator.storage.persist().then(function (granted) { claimdeckMark('persisted', granted); },
                                     function () { claimdeckMark('persisted', false); });
  }
}]);

// Copies /data to IndexedDB. One copy runs at a time; changes that arrive
// meanwhile are copied by one more run right after it.
Module.claimdeckSave = function () {
  if (!claimdeckStorage.ready) return;
  if (claimdeckStorage.saving) { claimdeckStorage.again = true; return; }
  claimdeckStorage.saving = true;
  claimdeckStorage.again = false;
  claimdeckMark('saving', 1);
  FS.syncfs(false, function (error) {
    claimdeckStorage.saving = false;
    if (error) {
      claimdeckStorage.failures++;
      console.error('ClaimDeck: progress could not be saved to IndexedDB', error);
    } else {
      claimdeckStorage.saves++;
      claimdeckMark('saves', claimdeckStorage.saves);
    }
    if (claimdeckStorage.again) Module.claimdeckSave();
    else claimdeckMark('saving', 0);
  });
};

if (typeof document !== 'undefined') {
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'hidden') Module.claimdeckSave();
  });
  window.addEventListener('pagehide', function () { Module.claimdeckSave(); });
}

// The browser's file picker, for "Import a deck…" on Home (a .claimdeck
// package, field #deck-file), "Import progress…" in Settings (a backup or
// progress file, #progress-file), the Studio's Open… and Open article
// file… and a class quiz (#pick-file), through the page's own hidden file fields in
// index.html: a field made on the fly and never put in the page may be
// collected while the picker is open. The chosen file's bytes are copied
// into the module's memory and handed to `receive(pointer, size, name)`,
// which passes them to the app; the next frame saves /data to IndexedDB.
function claimdeckFileField(id, receive) {
  var field = document.getElementById(id);
  if (field.dataset.ready) return field;
  field.dataset.ready = '1';
  field.addEventListener('change', function () {
    var file = field.files && field.files[0];
    if (!file) return;
    file.arrayBuffer().then(function (buffer) {
      claimdeckHandBytes(buffer, file.name, receive);
    }).finally(function () {
      field.value = '';  // the same file chosen again is taken again
    });
  });
  return field;
}

// Copies a file's bytes into the module's memory for `receive(pointer, size,
// name)`, which passes them to the app, and frees them after.
function claimdeckHandBytes(buffer, name, receive) {
  var bytes = new Uint8Array(buffer);
  var pointer = _malloc(bytes.length || 1);
  HEAPU8.set(bytes, pointer);
  receive(pointer, bytes.length, name);
  _free(pointer);
  Module.claimdeckActivity = 1;
}

// Hands a chosen file to the app's `receiver` (claimdeck_web_import_deck, …).
function claimdeckReceiver(receiver) {
  return function (pointer, size, name) {
    Module.ccall(receiver, null, ['number', 'number', 'string'], [pointer, size, name]);
  };
}

Module.claimdeckPickDeck = function () {
  claimdeckFileField('deck-file', claimdeckReceiver('claimdeck_web_import_deck')).click();
};
Module.claimdeckPickProgress = function () {
  claimdeckFileField('progress-file', claimdeckReceiver('claimdeck_web_import_progress')).click();
};

// The picker for the Studio's files and class quizzes: `purpose` (the app's FilePurpose) says what the file
// is for and `accept` which kinds the picker offers (".claimdeck,.json").
var claimdeckPickPurpose = 0;
Module.claimdeckPickFile = function (purpose, accept) {
  claimdeckPickPurpose = purpose;
  var field = claimdeckFileField('pick-file', function (pointer, size, name) {
    Module.ccall('claimdeck_web_open_file', null, ['number', 'number', 'number', 'string'],
                 [claimdeckPickPurpose, pointer, size, name]);
  });
  field.accept = accept;
  field.click();
};

// A file the app wrote at `path` as a download named `name`: "Back up my
// progress" (a .sqlite backup, e.g. for the desktop app), the Studio's deck
// packages (.claimdeck) for a class, and a class quiz's results (.json).
Module.claimdeckDownload = function (path, name) {
  var bytes = FS.readFile(path);
  var type = /\.sqlite$/.test(name) ? 'application/vnd.sqlite3' : 'application/octet-stream';
  var blob = new Blob([bytes], {type: type});
  var link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
};

// Whether the learner is using a touch screen, so the app hides the names
// of keys (main.cpp reads it each frame): a phone at first, and then
// whichever was used last, a finger or a mouse.
Module.claimdeckTouchScreen = typeof window !== 'undefined' && !!window.matchMedia &&
                              window.matchMedia('(hover: none)').matches;
if (typeof window !== 'undefined') {
  window.addEventListener('touchstart', function () { Module.claimdeckTouchScreen = true; },
                          {capture: true, passive: true});
  window.addEventListener('pointermove', function (event) {
    if (event.pointerType === 'mouse') Module.claimdeckTouchScreen = false;
  }, {capture: true, passive: true});
}

// ---- Touch -------------------------------------------------------------------
// Emscripten's GLFW reads touches without their positions, and the browser
// would add emulated mouse events after each tap. Instead the first finger
// is handed to GLFW as the left mouse button; the others are ignored.

var claimdeckTouch = {id: null};

function claimdeckPointerEvent(type, touch) {
  return {type: type, pageX: touch.pageX, pageY: touch.pageY, target: Module.canvas, button: 0,
          preventDefault: function () {}};
}

function claimdeckOnTouch(event) {
  if (!Module.canvas || event.target !== Module.canvas) return;
  event.preventDefault();             // no scrolling, zooming or emulated mouse
  event.stopImmediatePropagation();   // GLFW's own touch handling stays out
  if (typeof GLFW === 'undefined' || !GLFW.active) return;
  for (var i = 0; i < event.changedTouches.length; ++i) {
    var touch = event.changedTouches[i];
    if (event.type === 'touchstart') {
      if (claimdeckTouch.id !== null) continue;
      claimdeckTouch.id = touch.identifier;
      GLFW.onMousemove(claimdeckPointerEvent('mousemove', touch));
      GLFW.onMouseButtonDown(claimdeckPointerEvent('mousedown', touch));
    } else if (touch.identifier === claimdeckTouch.id) {
      GLFW.onMousemove(claimdeckPointerEvent('mousemove', touch));
      if (event.type === 'touchend' || event.type === 'touchcancel') {
        claimdeckTouch.id = null;
        GLFW.onMouseButtonUp(claimdeckPointerEvent('mouseup', touch));
        Module._claimdeck_web_touch_end();
        // Run the frames that see the tap now, while the browser still
        // counts it as the learner's gesture: only then may a text field it
        // opened bring up the on-screen keyboard (see claimdeckTextInput).
        Module._claimdeck_web_pump(4);
      }
    }
  }
}

if (typeof window !== 'undefined') {
  ['touchstart', 'touchmove', 'touchend', 'touchcancel'].forEach(function (type) {
    window.addEventListener(type, claimdeckOnTouch, {capture: true, passive: false});
  });
}

// After a tap, the finger is gone: the pointer leaves the canvas. ImGui
// takes a position this far out as "no pointer", so the next touch does
// not count as a jump (which would scroll the page).
Module.claimdeckLiftPointer = function () {
  if (claimdeckTouch.id !== null || typeof Browser === 'undefined') return;
  Browser.mouseX = -1e30;
  Browser.mouseY = -1e30;
};

// ---- Keyboard ----------------------------------------------------------------
// A hidden field takes the focus while ImGui edits text, so phones show
// their keyboard. Typed text arrives as input events and is handed to ImGui;
// keys with a meaning of their own (Backspace, Enter, arrows) still reach it
// through GLFW's key events, or are pressed here when a phone keyboard only
// reports them as edits.

var claimdeckFiller = '\u00a0\u00a0';  // so Backspace has something to delete

function claimdeckTextField() { return document.getElementById('text-input'); }

Module.claimdeckTextInput = function (wanted) {
  var field = claimdeckTextField();
  if (!field) return;
  if (wanted) {
    field.value = claimdeckFiller;
    field.focus({preventScroll: true});
  } else if (document.activeElement === field) {
    field.blur();
  }
};

function claimdeckPressKey(keyCode) {
  if (typeof GLFW === 'undefined' || !GLFW.active) return;
  GLFW.onKeyChanged(keyCode, 1);
  // ImGui 1.86 samples keys once per frame: release two frames later.
  requestAnimationFrame(function () {
    requestAnimationFrame(function () { GLFW.onKeyChanged(keyCode, 0); });
  });
}

function claimdeckSendText(text) {
  if (text) Module.ccall('claimdeck_web_text_input', null, ['string'], [text]);
}

if (typeof window !== 'undefined') {
  // Registered before GLFW's own listener, so characters typed into the
  // field arrive once (as an input event), not twice.
  window.addEventListener('keypress', function (event) {
    if (event.target === claimdeckTextField()) event.stopImmediatePropagation();
  }, true);

  // Pasted text goes to ImGui's clipboard (main.cpp), which Ctrl+V then
  // pastes. When Ctrl+V pasted into the hidden field, the field's own
  // insertion is dropped so the text does not arrive twice; a paste from a
  // menu still arrives through the field.
  var claimdeckPasteKeys = false;
  window.addEventListener('keydown', function (event) {
    claimdeckPasteKeys = (event.ctrlKey || event.metaKey) && (event.key === 'v' || event.key === 'V');
  }, true);
  window.addEventListener('paste', function (event) {
    if (!Module.calledRun) return;  // the app has not started yet
    var text = event.clipboardData ? event.clipboardData.getData('text/plain') : '';
    Module.ccall('claimdeck_web_paste', null, ['string'], [text]);
    Module.claimdeckActivity = 1;
    if (claimdeckPasteKeys && event.target === claimdeckTextField()) event.preventDefault();
  }, true);

  var claimdeckSetUpField = function () {
    var field = claimdeckTextField();
    if (!field) return;
    field.addEventListener('input', function (event) {
      if (event.isComposing) return;
      var type = event.inputType || 'insertText';
      if (type.indexOf('delete') === 0) claimdeckPressKey(8);
      else if (type === 'insertLineBreak' || type === 'insertParagraph') claimdeckPressKey(13);
      else claimdeckSendText(event.data !== null && event.data !== undefined
                               ? event.data : field.value.replace(/\u00a0/g, ''));
      field.value = claimdeckFiller;
    });
    field.addEventListener('compositionend', function (event) {
      claimdeckSendText(event.data);
      field.value = claimdeckFiller;
    });
  };
  if (document.readyState === 'loading') window.addEventListener('DOMContentLoaded', claimdeckSetUpField);
  else claimdeckSetUpField();
}

// ---- What screen readers read (accessibility_mirror.cpp) -----------------------
//
// The canvas is pixels; the app hands over what it shows, in reading order,
// and this keeps a visually hidden copy of it in HTML: <h2>, <p>, <button>
// (aria-pressed for a toggle, role=checkbox, a drop-down's aria-haspopup),
// <input> for a field, and a live region for what must be heard at once
// (the reveal's verdict, an error). Pressing or focusing a mirrored control
// presses or focuses the app's own.

var claimdeckMirrorRoot = null;
var claimdeckMirroredFocus = '0';  // the app's control in focus, as last mirrored

function claimdeckMirrorElement(node) {
  var element;
  if (node.role === 'heading' || node.role === 'text') {
    element = document.createElement(node.role === 'heading' ? 'h2' : 'p');
    element.textContent = node.name;
    return element;
  }
  if (node.role === 'textbox') {
    element = document.createElement('input');
    element.type = 'text';
    element.value = node.value;
    element.setAttribute('aria-label', node.name);
  } else {
    element = document.createElement('button');
    element.type = 'button';
    element.textContent = node.role === 'combobox' ? node.name + ': ' + node.value : node.name;
    if (node.role === 'toggle' || node.role === 'option') element.setAttribute('aria-pressed', String(node.on));
    if (node.role === 'checkbox') {
      element.setAttribute('role', 'checkbox');
      element.setAttribute('aria-checked', String(node.on));
    }
    if (node.role === 'combobox') element.setAttribute('aria-haspopup', 'listbox');
    element.addEventListener('click', function () {
      Module._claimdeck_web_press(node.id);
      Module.claimdeckActivity = 1;
    });
  }
  element.dataset.control = String(node.id);
  element.addEventListener('focus', function () {
    Module._claimdeck_web_focus(node.id);
    Module.claimdeckActivity = 1;
  });
  return element;
}

function claimdeckSetUpMirror() {
  claimdeckMirrorRoot = document.createElement('div');
  claimdeckMirrorRoot.id = 'screen-reader-view';
  claimdeckMirrorRoot.className = 'visually-hidden';
  claimdeckMirrorRoot.innerHTML = '<main id="mirrored-page"></main>' +
    '<div id="announcement" role="status" aria-live="assertive" aria-atomic="true"></div>';
  document.body.prepend(claimdeckMirrorRoot);
}

Module.claimdeckMirror = function (json) {
  if (!claimdeckMirrorRoot) return;
  var outline = JSON.parse(json);
  var page = document.getElementById('mirrored-page');
  var focused = document.activeElement && page.contains(document.activeElement) ?
    document.activeElement.dataset.control : null;
  page.replaceChildren.apply(page, outline.nodes.map(claimdeckMirrorElement));
  // The focus stays on the same control across the rebuild, and follows the
  // app's when that moved (Tab on the canvas), so a screen reader says it.
  var appFocus = String(outline.focus);
  var moved = appFocus !== '0' && appFocus !== claimdeckMirroredFocus;
  claimdeckMirroredFocus = appFocus;
  var keep = moved ? appFocus : focused;
  if (keep !== null) {
    var again = page.querySelector('[data-control="' + keep + '"]');
    if (again) again.focus({preventScroll: true});
  }
  var announcement = document.getElementById('announcement');
  if (announcement.textContent !== outline.say) announcement.textContent = outline.say;
};

if (typeof window !== 'undefined') {
  if (document.readyState === 'loading') window.addEventListener('DOMContentLoaded', claimdeckSetUpMirror);
  else claimdeckSetUpMirror();
  // On the mirror, Tab, Enter and Space are the page's (to the next button,
  // pressing one): they do not also reach the canvas through Emscripten's
  // GLFW. Its listeners on window are added when main() starts, after these,
  // which are added now, before the page has loaded. Other keys (Esc, the
  // shortcuts) still reach the app. Off the mirror, Tab is the app's alone:
  // it moves the app's focus, which the mirror's then follows. Key-ups always
  // reach the app: a key pressed on the canvas may be let go on the mirror,
  // and the app must not think it still held.
  ['keydown', 'keypress'].forEach(function (type) {
    window.addEventListener(type, function (event) {
      var onMirror = claimdeckMirrorRoot && claimdeckMirrorRoot.contains(event.target);
      var pageKey = event.key === 'Tab' || event.key === 'Enter' || event.key === ' ';
      if (pageKey && onMirror) event.stopImmediatePropagation();
      else if (event.key === 'Tab') event.preventDefault();
    }, true);
  });
}

// ---- Page ----------------------------------------------------------------------

Module.claimdeckFirstFrame = function () {
  claimdeckMark('ready', 1);
  if (typeof performance !== 'undefined') claimdeckMark('firstFrameMs', Math.round(performance.now()));
  console.log('ClaimDeck: first frame after ' + Math.round(performance.now()) + ' ms');
  var splash = document.getElementById('splash');
  if (splash) splash.remove();
  claimdeckOpenLinkedQuiz();
};

// A class quiz sent as a link: index.html?quiz=ADDRESS opens the quiz file at
// ADDRESS (on this site, or another that allows it) as if it were picked.
// A link that cannot be fetched says so on the page's banner.
function claimdeckOpenLinkedQuiz() {
  var address = new URLSearchParams(window.location.search).get('quiz');
  if (!address) return;
  var name = address.split('/').pop().split('?')[0] || 'quiz.json';
  fetch(address).then(function (response) {
    if (!response.ok) throw new Error('the server answered ' + response.status);
    return response.arrayBuffer();
  }).then(function (buffer) {
    claimdeckHandBytes(buffer, name, claimdeckReceiver('claimdeck_web_open_quiz'));
  }, function (error) {
    Module.ccall('claimdeck_web_notice', null, ['string'],
                 ['The quiz at ' + address + ' could not be fetched (' + error.message + '). ' +
                  'Ask your teacher for the file and open it with \u201cOpen the quiz file\u2026\u201d.']);
    Module.claimdeckActivity = 1;
  });
}

Module.claimdeckFailed = function (message) {
  claimdeckMark('failed', 1);
  var splash = document.getElementById('splash');
  if (splash) splash.textContent = message;
};

// For the browser tests: where the widgets are (see inspect.cpp).
Module.claimdeckInspect = function (watched) {
  Module.ccall('claimdeck_web_inspect', null, ['string'], [(watched || []).join('\n')]);
  Module.claimdeckActivity = 1;
};
Module.claimdeckItems = function () {
  return JSON.parse(UTF8ToString(Module._claimdeck_web_items()) || '[]');
};

