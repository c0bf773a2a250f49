namespace ActorPod.Messages.Model;

/// <summary>A host path bound into the container (<c>-v HOST:CTR[:ro]</c>).</summary>
public sealed record BindMount(string Source, string Destination, bool ReadOnly = false);
