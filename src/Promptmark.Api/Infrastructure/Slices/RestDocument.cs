using Microsoft.Net.Http.Headers;

namespace Promptmark.Api.Infrastructure.Slices;

/// <summary>A response the REST door sends as a file to download (its own media type and name) instead of as JSON.</summary>
public interface IRestDocument
{
    string MediaType { get; }
    string FileName { get; }
    string Text { get; }
}

public static class RestDocuments
{
    public static async Task SendAsync(HttpContext http, IRestDocument document, int status, CancellationToken ct)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = document.MediaType;
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(document.FileName);
        http.Response.Headers.ContentDisposition = disposition.ToString();
        await http.Response.WriteAsync(document.Text, ct);
    }
}
