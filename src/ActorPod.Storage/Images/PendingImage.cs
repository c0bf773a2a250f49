namespace ActorPod.Storage.Images;

/// <summary>An image unpacked under tmp/ and ready to be moved into the store: its config blob, its record,
/// and its tags, normalised.</summary>
internal sealed record PendingImage(byte[] ConfigJson, StoredImage Image, IReadOnlyList<string> Tags);
