using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Infrastructure.Slices;
using Promptmark.Api.Infrastructure.Storage;

namespace Promptmark.Api.Features.Responses;

[Description("Get full response content by ID.")]
public sealed record GetCapturedResponse : PrivateInput, ISlice<CapturedResponseView>
{
    public static SliceBinding Binding { get; } = SliceBinding.Get("/api/responses/{id}").AsTool("get_captured_response", "Get a captured response");

    [Required, Description("Response ID")]
    public string Id { get; init; } = "";
}

public static class GetCapturedResponseHandler
{
    public static async Task<CapturedResponseView> Handle(GetCapturedResponse query, IDocumentSession session, CancellationToken ct) =>
        CapturedResponseView.Of(await session.LoadOwnedAsync<CapturedResponse>(query.Id, "response", ct));
}
