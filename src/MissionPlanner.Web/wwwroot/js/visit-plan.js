// Live warnings for moves on the visit-groups page: as the organiser picks groups, the server
// reports (without changing anything) what the move would break.
document.querySelectorAll("form.move").forEach(form => {
  const out = form.querySelector("[data-warnings]");
  const check = async () => {
    const data = new FormData(form);
    if (!data.get("fromGroup") && !data.get("toGroup")) {
      out.textContent = "";
      return;
    }
    const query = new URLSearchParams({
      registrationId: data.get("registrationId"), fromGroup: data.get("fromGroup") || "", toGroup: data.get("toGroup") || "",
    });
    const response = await fetch(`${form.dataset.preview}&${query}`, { headers: { Accept: "application/json" } });
    if (!response.ok) {
      out.textContent = "";
      return;
    }
    const { warnings } = await response.json();
    out.textContent = warnings.length === 0 ? "No conflicts." : warnings.join(" ");
    out.classList.toggle("error", warnings.length > 0);
  };
  form.querySelectorAll("select").forEach(select => select.addEventListener("change", check));
});
