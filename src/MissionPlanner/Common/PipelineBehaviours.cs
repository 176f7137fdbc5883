using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;

namespace MissionPlanner.Common;

/// <summary>Logs every request's name, outcome and duration; never its content (it holds personal data).</summary>
public sealed class LoggingBehaviour<TRequest, TResponse>(ILogger<LoggingBehaviour<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next();
            logger.LogInformation("{Request} handled in {Elapsed:F1} ms", typeof(TRequest).Name,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (Exception ex)
        {
            logger.LogInformation("{Request} ended with {Outcome} after {Elapsed:F1} ms", typeof(TRequest).Name,
                ex.GetType().Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
    }
}

/// <summary>
/// Checks the caller's role on the mission a request is about. Someone without any role gets
/// "not found", so mission ids cannot be probed; a viewer asking for a change gets "forbidden".
/// </summary>
public sealed class AuthorisationBehaviour<TRequest, TResponse>(CurrentUser user, AppDbContext db)
    : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly ConcurrentDictionary<Type, RequiresRoleAttribute> Required = new();

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (user.IsSystem)
        {
            return await next();
        }

        if (request is IOrganiserRequest)
        {
            user.RequireOrganiser();
        }

        if (request is IMissionRequest scoped)
        {
            var organiserId = user.RequireOrganiser();
            var required = Required.GetOrAdd(typeof(TRequest), t => t.GetCustomAttribute<RequiresRoleAttribute>()
                ?? throw new InvalidOperationException($"{t.Name} is a mission request without [RequiresRole]."));
            var role = await db.MissionRoles.AsNoTracking()
                .Where(r => r.MissionId == scoped.MissionId && r.OrganiserId == organiserId)
                .Select(r => (Domain.Organisers.MissionRoleKind?)r.Role)
                .FirstOrDefaultAsync(cancellationToken);
            if (role is null)
            {
                throw new NotFoundException("Mission");
            }

            if (role < required.Role)
            {
                throw new ForbiddenException($"This needs the {required.Role} role on the mission; you are {role}.");
            }
        }

        return await next();
    }
}

/// <summary>Runs the FluentValidation rules for the request; all failures are reported together.</summary>
public sealed class ValidationBehaviour<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(request, cancellationToken);
            failures.AddRange(result.Errors);
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        return await next();
    }
}
