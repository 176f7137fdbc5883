using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;

namespace MissionPlanner.Web.Api;

/// <summary>
/// Turns the pipeline's exceptions into RFC 9457 problem details: invalid input → 400 with the
/// errors per field, unknown or hidden → 404, not allowed → 403, stale version → 409, database out
/// of reach → 503 with Retry-After.
/// </summary>
public sealed class ErrorMapping(IProblemDetailsService problems, ILogger<ErrorMapping> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = ToProblem(exception);
        if (problem is null)
        {
            logger.LogError(exception, "Unhandled error on {Path}", httpContext.Request.Path);
            return false;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            logger.LogWarning("The database could not be reached on {Path}: {Reason}", httpContext.Request.Path, exception.GetBaseException().Message);
            httpContext.Response.Headers.RetryAfter = "5";
        }

        // A browser on a page (a link that does not exist, a page an organiser may not see): a page, not JSON.
        if (Hosting.ErrorPage.Wanted(httpContext))
        {
            await Hosting.ErrorPage.WriteAsync(httpContext, problem.Status.Value, problem.Title ?? "Something went wrong",
                problem.Detail ?? (problem is ValidationProblemDetails v ? string.Join(" ", v.Errors.SelectMany(e => e.Value)) : null), null, cancellationToken);
            return true;
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    public static ProblemDetails? ToProblem(Exception exception) => exception switch
    {
        ValidationException v => Invalid(v.Errors.GroupBy(e => FieldName(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray())),
        DomainException d => Invalid(new Dictionary<string, string[]> { [FieldName(d.Field)] = [d.Message] }),
        BadHttpRequestException { InnerException: JsonException json } => Invalid(
            new Dictionary<string, string[]> { [JsonField(json.Path)] = [JsonMessage(json)] }, "The request body is not valid JSON for this operation."),
        // An empty body, or the JSON literal null, where an object is expected: say what to send, not the handler's parameter name.
        BadHttpRequestException bad when bad.Message.Contains("was not provided from body", StringComparison.Ordinal)
            || bad.Message.Contains("Implicit body inferred", StringComparison.Ordinal) => new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "Bad request",
                Detail = "Send the fields as a JSON object in the request body (Content-Type: application/json); the operation's fields are in /openapi/v1.json.",
            },
        BadHttpRequestException bad => new ProblemDetails { Status = bad.StatusCode, Title = "Bad request", Detail = bad.Message },
        NotFoundException nf => new ProblemDetails { Status = 404, Title = "Not found", Detail = nf.Message },
        ForbiddenException f => new ProblemDetails { Status = 403, Title = "Forbidden", Detail = f.Message },
        UnauthorizedAccessException u => new ProblemDetails { Status = 401, Title = "Sign in required", Detail = u.Message },
        // Operators need the reason (a missing browser, a broken template); nobody needs a stack trace.
        Documents.BrowserUnavailableException b => new ProblemDetails { Status = 503, Title = "Documents cannot be printed", Detail = b.Message },
        Messaging.TemplateException t => new ProblemDetails { Status = 500, Title = "A template has an error", Detail = t.Message },
        // The database restarting or out of reach: say so, so clients and balancers retry; nothing was half-done.
        _ when DatabaseUnavailable(exception) => new ProblemDetails
        {
            Status = 503,
            Title = "Service unavailable",
            Detail = "The database cannot be reached just now. Please try again in a moment.",
        },
        DbUpdateException when UniqueViolation.Is(exception) => new ProblemDetails { Status = 409, Title = "Conflict", Detail = UniqueViolation.Message },
        DbUpdateConcurrencyException => new ProblemDetails
        {
            Status = 409,
            Title = "Conflict",
            Detail = "Someone else changed this in the meantime. Reload it and apply your change again.",
        },
        _ => null,
    };

    private static bool DatabaseUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is System.Data.Common.DbException { IsTransient: true } or System.Net.Sockets.SocketException)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The JSON name of a field, each part of a nested path included: "Details.Name" → "details.name".</summary>
    public static string FieldName(string name) =>
        string.Join('.', name.Split('.').Select(part => string.IsNullOrEmpty(part) ? "" : char.ToLowerInvariant(part[0]) + part[1..]));

    private static string JsonField(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "$" : FieldName(path.TrimStart('$', '.'));

    // The serializer's own messages name CLR types; people need to know which field and why.
    private static string JsonMessage(JsonException json) => json.Message.Contains("could not be converted", StringComparison.Ordinal)
        ? "This value has the wrong type or is not one of the allowed values."
        : json.Message.Split(" Path:")[0];

    private static ValidationProblemDetails Invalid(IDictionary<string, string[]> errors, string? detail = null) => new(errors)
    {
        Status = 400,
        Title = "One or more fields are invalid.",
        Detail = detail,
    };
}
