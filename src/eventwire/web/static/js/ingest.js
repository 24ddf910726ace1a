// Ingest page: upload a file, start a background job, poll its progress.
"use strict";

(function () {
  const form = document.getElementById("ingest-form");
  if (!form) return;
  const box = document.getElementById("job");
  const state = document.getElementById("job-state");
  const bar = document.getElementById("job-progress");
  const counts = document.getElementById("job-counts");
  const issues = document.getElementById("job-issues");

  function showError(message) {
    box.hidden = false;
    state.textContent = message;
    state.className = "job-state error";
  }

  function render(job) {
    box.hidden = false;
    state.className = "job-state " + job.state;
    const total = job.total == null ? "?" : job.total;
    state.textContent = "Job " + job.id + " (" + job.filename + "): " + job.state;
    bar.max = Math.max(1, job.total || 1);
    bar.value = job.state === "done" ? bar.max : job.processed;
    counts.textContent = job.processed + " of " + total + " processed · " + job.added + " added · " +
      job.already_stored + " already stored · " + job.not_analyzed + " not analyzed · " +
      job.failed + " failed · " + job.events + " events";
    issues.replaceChildren();
    (job.issues || []).forEach(function (issue) {
      const li = document.createElement("li");
      li.textContent = issue;
      issues.appendChild(li);
    });
    if (job.error) showError("Job failed: " + job.error);
  }

  async function poll(id) {
    for (;;) {
      const response = await fetch("/jobs/" + encodeURIComponent(id), { credentials: "same-origin" });
      if (!response.ok) { showError("Lost track of the job (" + response.status + ")"); return; }
      const job = await response.json();
      render(job);
      if (job.state === "done" || job.state === "failed") return;
      await new Promise(function (resolve) { setTimeout(resolve, 500); });
    }
  }

  form.addEventListener("submit", async function (ev) {
    ev.preventDefault();
    const data = new FormData(form);
    const button = form.querySelector("button");
    button.disabled = true;
    try {
      const response = await fetch("/jobs", { method: "POST", body: data, credentials: "same-origin" });
      const body = await response.json().catch(function () { return {}; });
      if (!response.ok) {
        showError("Could not start: " + (body.message || body.detail || response.status));
        return;
      }
      render(body);
      await poll(body.id);
    } catch (err) {
      showError("Could not reach the server: " + err);
    } finally {
      button.disabled = false;
    }
  });
})();
