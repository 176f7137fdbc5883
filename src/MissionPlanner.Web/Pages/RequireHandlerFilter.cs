using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace MissionPlanner.Web.Pages;

/// <summary>
/// A POST that matches none of a page's handlers is a bad request. Without this, Razor Pages would
/// render the page without running any handler, with its model never loaded.
/// </summary>
public sealed class RequireHandlerFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HandlerMethod is null && !HttpMethods.IsGet(context.HttpContext.Request.Method) && !HttpMethods.IsHead(context.HttpContext.Request.Method))
        {
            context.Result = new BadRequestResult();
            return;
        }

        await next();
    }
}
