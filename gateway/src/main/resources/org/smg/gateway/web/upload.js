// Upload progress for the compose form: each file is sent as soon as it is chosen, one request per file,
// with a visible <progress> bar; the server checks it and answers with its name, size and detected type or the
// reason it was refused. Without this script the form sends the files itself when submitted. While files are on
// their way the form is not submitted (each file would go twice), and the page says why.
(function () {
  'use strict';
  var form = document.getElementById('compose-form');
  var input = document.getElementById('files');
  if (!form || !input || !window.XMLHttpRequest || !window.FormData) {
    return;
  }
  var token = form.querySelector('input[name="csrf"]').value;
  var inbox = form.querySelector('input[name="inbox"]').value;
  var attached = document.getElementById('attached');
  var errors = document.getElementById('files-error');
  var progressArea = document.getElementById('upload-progress');
  var pending = 0;

  function showError(text) {
    var item = document.createElement('li');
    item.textContent = text;
    errors.appendChild(item);
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', 'files-hint files-error');
  }

  function upload(file, done) {
    var label = document.createElement('label');
    var bar = document.createElement('progress');
    bar.max = 100;
    bar.value = 0;
    bar.id = 'progress-' + Math.random().toString(36).slice(2);
    label.htmlFor = bar.id;
    label.textContent = 'Sending ' + file.name;
    progressArea.appendChild(label);
    progressArea.appendChild(bar);
    var request = new XMLHttpRequest();
    request.open('POST', '/compose/upload');
    request.setRequestHeader('X-CSRF-Token', token);
    request.setRequestHeader('X-Inbox', inbox);
    request.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
    request.setRequestHeader('Content-Type', 'application/octet-stream');
    request.upload.onprogress = function (event) {
      if (event.lengthComputable) {
        bar.value = Math.round(event.loaded * 100 / event.total);
      }
    };
    var answered = false;
    request.onload = function () {
      answered = true;
      var answer = {};
      try {
        answer = JSON.parse(request.responseText);
      } catch (e) {
        answer = {error: '"' + file.name + '" was not attached: the server did not answer as expected.'};
      }
      if (request.status === 200) {
        attached.appendChild(attachedItem(answer));
      } else {
        showError(answer.error || ('"' + file.name + '" was not attached.'));
      }
    };
    // After an answer, an error, an abort or a time-out alike: the bar goes and the next file may start.
    request.onloadend = function () {
      progressArea.removeChild(label);
      progressArea.removeChild(bar);
      if (!answered) {
        showError('"' + file.name + '" was not attached: the connection failed. Try again.');
      }
      done();
    };
    request.send(file);
  }

  // The same list item and remove button as the page draws for a file attached without the script.
  function attachedItem(answer) {
    var item = document.createElement('li');
    var clip = document.createElement('img');
    clip.className = 'paperclip';
    clip.src = '/static/paperclip.svg';
    clip.alt = '';
    clip.width = 16;
    clip.height = 16;
    item.appendChild(clip);
    item.appendChild(document.createTextNode(' ' + answer.name + ' (' + answer.size + ', ' + answer.type + ') '));
    var remove = document.createElement('button');
    remove.type = 'submit';
    remove.className = 'link';
    remove.name = 'remove';
    remove.value = answer.id;
    remove.formAction = '/compose/remove';
    remove.formNoValidate = true;
    remove.textContent = 'Remove';
    remove.setAttribute('aria-label', 'Remove ' + answer.name);
    item.appendChild(remove);
    return item;
  }

  var wait = document.createElement('p');
  wait.setAttribute('role', 'status');
  form.addEventListener('submit', function (event) {
    if (pending > 0) {
      event.preventDefault();
      wait.textContent = 'Wait until the files are attached, then try again.';
      if (!wait.parentNode) {
        progressArea.appendChild(wait);
      }
    }
  });

  input.addEventListener('change', function () {
    var files = Array.prototype.slice.call(input.files);
    // The script sends them: the form's own submit must not send them again.
    input.value = '';
    errors.textContent = '';
    input.removeAttribute('aria-invalid');
    // A file over the limit is named at once instead of being sent for the server to refuse (it stops reading early,
    // which a browser may report as a broken connection rather than the reason).
    var maxBytes = Number(input.getAttribute('data-max-bytes'));
    files = files.filter(function (file) {
      if (maxBytes > 0 && file.size > maxBytes) {
        showError('"' + file.name + '" was not attached: ' + input.getAttribute('data-too-large') + '.');
        return false;
      }
      return true;
    });
    pending += files.length;
    var next = function () {
      if (files.length === 0) {
        return;
      }
      upload(files.shift(), function () {
        pending -= 1;
        if (pending === 0 && wait.parentNode) {
          wait.parentNode.removeChild(wait);
        }
        next();
      });
    };
    next();
  });
})();
