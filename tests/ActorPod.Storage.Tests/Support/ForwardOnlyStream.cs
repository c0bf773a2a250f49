namespace ActorPod.Storage.Tests.Support;

/// <summary>A stream that cannot seek, like an HTTP request body.</summary>
internal sealed class ForwardOnlyStream(byte[] data) : MemoryStream(data)
{
    public override bool CanSeek => false;

    public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();

    public override long Position
    {
        get => base.Position;
        set => throw new NotSupportedException();
    }

    public override long Length => throw new NotSupportedException();
}
