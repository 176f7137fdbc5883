// Live warnings for moves on the B2B schedule page: as the organiser picks a slot or table, the
// server reports (without changing anything) what the move would break.
document.querySelectorAll("form.move").forEach(form => {
  const out = form.querySelector("[data-warnings]");
  const check = async () => {
    const data = new FormData(form);
    const query = new URLSearchParams();
    for (const name of ["meetingId", "to", "table", "startsAt", "endsAt", "place"]) {
      query.set(name, data.get(name) || "");
    }
    const response = await fetch(`${form.dataset.preview}&${query}`, { headers: { Accept: "application/json" } });
    if (!response.ok) {
      out.textContent = "";
      return;
    }
    const { warnings } = await response.json();
    out.textContent = warnings.length === 0 ? "No conflicts." : warnings.join(" ");
    out.classList.toggle("error", warnings.length > 0);
  };
  form.querySelectorAll("select, input").forEach(field => field.addEventListener("change", check));
});

// The caps form shows the chosen person's cap and priority, so saving one does not reset the other.
document.querySelectorAll("form.limits").forEach(form => {
  const person = form.querySelector("select[name=personId]");
  const fill = () => {
    const chosen = person.selectedOptions[0];
    form.querySelector("input[name=cap]").value = chosen?.dataset.cap ?? "";
    form.querySelector("input[name=priority]").value = chosen?.dataset.priority ?? "0";
  };
  person.addEventListener("change", fill);
});
