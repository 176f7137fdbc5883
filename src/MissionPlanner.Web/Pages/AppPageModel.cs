using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MissionPlanner.Domain.Common;
using MissionPlanner.Features.Imports;
using MissionPlanner.Features.Missions;

namespace MissionPlanner.Web.Pages;

/// <summary>
/// Base for pages: sends requests through the pipeline and turns invalid input into messages next
/// to the fields of the form's "Input" model, so forms and the API report the same rules.
/// </summary>
public abstract class AppPageModel(IMediator mediator) : PageModel
{
    protected IMediator Mediator { get; } = mediator;

    public MissionDetails Mission { get; private set; } = null!;

    /// <summary>A download (<see cref="Common.ExportFile"/>) as the page's answer.</summary>
    protected FileContentResult Download(Common.ExportFile file) => File(file.Content, file.ContentType, file.FileName);

    protected async Task<bool> LoadMissionAsync(Guid missionId)
    {
        try
        {
            Mission = await Mediator.Send(new GetMissionQuery(missionId), HttpContext.RequestAborted);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }

    /// <summary>
    /// Sends a command; on invalid input records the errors and returns false. Errors go next to
    /// the form's fields, or to the top of the page when the form has no fields (delete buttons).
    /// </summary>
    protected async Task<(bool Ok, T Result)> TrySendAsync<T>(IRequest<T> request, bool besideFields = true, string prefix = "Input")
    {
        // Commands that carry a nested record (RegistrationDetails) name fields "Details.Name"; the form calls them "Input.Name".
        string Key(string field)
        {
            var name = field.StartsWith("Details.", StringComparison.Ordinal) ? field["Details.".Length..] : field;
            return !besideFields ? "" : prefix.Length == 0 ? name : $"{prefix}.{name}";
        }

        // A value that could not even be read (letters in a number field) must not reach the
        // command as a silent default.
        if (!ModelState.IsValid)
        {
            return (false, default!);
        }

        try
        {
            return (true, await Mediator.Send(request, HttpContext.RequestAborted));
        }
        catch (ValidationException ex)
        {
            foreach (var error in ex.Errors)
            {
                ModelState.AddModelError(Key(error.PropertyName), error.ErrorMessage);
            }
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(Key(ex.Field), ex.Message);
        }
        catch (ForbiddenException ex)
        {
            ModelState.AddModelError("", ex.Message);
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "Someone else changed this while you were editing. Reload the page and apply your change again.");
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException ex) when (Data.UniqueViolation.Is(ex))
        {
            ModelState.AddModelError("", Data.UniqueViolation.Message);
        }

        return (false, default!);
    }

    protected IActionResult MissionNotFound() => NotFound();

    /// <summary>Reads an uploaded list and previews it with <paramref name="preview"/>; null (with the reason in the model state) when it cannot.</summary>
    protected async Task<ImportCheck?> PreviewImportAsync(IFormFile? upload, Func<byte[], IRequest<ImportResult>> preview, string verb, string done)
    {
        var file = await ImportCheck.ReadAsync(upload, HttpContext.RequestAborted);
        if (file is null)
        {
            ModelState.AddModelError("", "Choose a file: CSV or Excel workbook (.xlsx).");
            return null;
        }

        var (ok, result) = await TrySendAsync(preview(file), besideFields: false);
        return ok ? new ImportCheck(result, Convert.ToBase64String(file), verb, done) : null;
    }

    /// <summary>
    /// Imports the list a preview carried back (<paramref name="file"/>, base64). Done: everything imported; otherwise the
    /// check to show again (its rows to fix), or null when the file was lost or refused (the reason is in the model state).
    /// </summary>
    protected async Task<(bool Done, int Imported, ImportCheck? Check)> ConfirmImportAsync(string? file, Func<byte[], IRequest<ImportResult>> import, string verb, string done)
    {
        if (ImportCheck.FromForm(file) is not { } bytes)
        {
            ModelState.AddModelError("", "The file was lost on the way; choose it again.");
            return (false, 0, null);
        }

        var (ok, result) = await TrySendAsync(import(bytes), besideFields: false);
        return ok && result.Errors.Count == 0 ? (true, result.Imported, null) : (false, 0, ok ? new ImportCheck(result, file, verb, done) : null);
    }
}
