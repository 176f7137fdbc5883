// Live warnings for moves on the B2B schedule page: as the organiser picks a slot or table, the
// server reports (without changing anything) what the move would break.
document.querySelectorAll("form.move").forEach(form => {
  const out = form.querySelector("[data-warnings]");
  const check = async () => {
    const data = new FormData(form);
    const query = new URLSearchParams({ meetingId: data.get("meetingId"), to: data.get("to") || "", table: data.get("table") || "" });
    const response = await fetch(`${form.dataset.preview}&${query}`, { headers: { Accept: "application/json" } });
    if (!response.ok) {
      out.textContent = "";
      return;
    }
    const { warnings } = await response.json();
    out.textContent = warnings.length === 0 ? "No conflicts." : warnings.join(" ");
    out.classList.toggle("error", warnings.length > 0);
  };
  form.querySelectorAll("select, input[type=number]").forEach(field => field.addEventListener("change", check));
});
