using FastEndpoints;
using Microsoft.AspNetCore.Mvc;

namespace Promptmark.Api.Infrastructure.Slices;

/// <summary>
/// The REST door of a slice: one closed generic FastEndpoints endpoint per request type, configured from the
/// slice's <see cref="SliceBinding"/>. Errors are thrown and become problem details in <c>ProblemResponses</c>.
/// </summary>
public sealed class RestSliceEndpoint<TRequest, TResponse>(SliceInvoker invoker) : Endpoint<TRequest, TResponse>
    where TRequest : notnull, ISlice<TResponse>
{
    private static readonly SliceDescriptor Slice = SliceCatalog.Instance.For(typeof(TRequest));

    public override void Configure()
    {
        Verbs(Slice.Binding.Verb);
        Routes(Slice.Binding.Route);
        if (Slice.Binding.Anonymous) AllowAnonymous();
        if (Slice.Binding.RateLimitPolicy is { } policy) Options(route => route.RequireRateLimiting(policy));
        Description(route =>
        {
            route
                .WithName(Slice.OperationId)
                .WithTags(Slice.Area)
                .WithSummary(Slice.Summary)
                .WithDescription(Slice.Binding.Tool is { } tool ? $"{Slice.Description} (MCP tool `{tool}`.)" : Slice.Description);
            if (Slice.Binding.FileMediaTypes is [var mediaType, .. var others]) route.Produces(Slice.Binding.SuccessStatus, typeof(string), mediaType, others);
            else route.Produces<TResponse>(Slice.Binding.SuccessStatus, "application/json");
            int[] problems = [StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound, .. Slice.Binding.OtherProblems];
            foreach (var status in problems) route.ProducesProblem(status);
            if (!Slice.Binding.Anonymous) route.ProducesProblem(StatusCodes.Status403Forbidden); // insufficient_scope
        }, clearDefaults: true);
    }

    public override async Task HandleAsync(TRequest request, CancellationToken ct)
    {
        RestBodies.RequireForUpdate(HttpContext, typeof(TRequest));
        var response = await invoker.InvokeAsync<TResponse>(request, User, SliceDoor.Rest, ct);
        if (response is IRestDocument document) await RestDocuments.SendAsync(HttpContext, document, Slice.Binding.SuccessStatus, ct);
        else await Send.ResponseAsync(response, Slice.Binding.SuccessStatus, ct);
    }
}
