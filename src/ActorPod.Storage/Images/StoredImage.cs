namespace ActorPod.Storage.Images;

/// <summary>images/&lt;id&gt;/image.json: an image without its tags, which live in repositories.json.</summary>
internal sealed record StoredImage(
    string Id,
    IReadOnlyList<string> Layers,
    ImageConfig Config,
    DateTimeOffset Created,
    long Size,
    string Architecture,
    string Os)
{
    public ImageRecord ToRecord(IReadOnlyList<string> tags) =>
        new(Id, tags, Layers, Config, Created, Size, Architecture, Os);
}
