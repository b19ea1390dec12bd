using System.Globalization;
using System.Net;

namespace Promptmark.Api.Features.Connections.Remote;

/// <summary>
/// Stops reading a remote server's response once it passes <c>maxBytes</c>, whether it announced its length or
/// streams: a hostile server could otherwise make us buffer an answer of any size.
/// </summary>
internal sealed class ResponseSizeLimitHandler(long maxBytes) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (response.Content.Headers.ContentLength > maxBytes)
        {
            response.Dispose();
            throw TooLarge(maxBytes);
        }
        response.Content = new LimitedContent(response.Content, maxBytes);
        return response;
    }

    public static RemoteServerException TooLarge(long maxBytes) => new(string.Create(CultureInfo.InvariantCulture,
        $"the server's answer was larger than the limit of {maxBytes:N0} bytes ({RemoteSessionOptions.SectionName}:{nameof(RemoteSessionOptions.MaxResponseBytes)})"));

    private sealed class LimitedContent : HttpContent
    {
        private readonly HttpContent inner;
        private readonly long maxBytes;

        public LimitedContent(HttpContent inner, long maxBytes)
        {
            this.inner = inner;
            this.maxBytes = maxBytes;
            foreach (var header in inner.Headers) Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        protected override async Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) =>
            new LimitedStream(await inner.ReadAsStreamAsync(cancellationToken), maxBytes);

        protected override Task<Stream> CreateContentReadStreamAsync() => CreateContentReadStreamAsync(CancellationToken.None);

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            await using var limited = await CreateContentReadStreamAsync(cancellationToken);
            await limited.CopyToAsync(stream, cancellationToken);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }

    /// <summary>A read-only stream that throws once more than <c>maxBytes</c> have come through it.</summary>
    private sealed class LimitedStream(Stream inner, long maxBytes) : Stream
    {
        private long read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Count(int bytes)
        {
            read += bytes;
            if (read > maxBytes) throw TooLarge(maxBytes);
            return bytes;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
