using ActorPod.Actors.Registry;
using ActorPod.Core.State;
using ActorPod.Messages.Events;

namespace ActorPod.Actors.Serialization;

/// <summary>
/// The stable names under which journaled types are written. A CLR type may be renamed or moved; its manifest
/// may not, or journals written before would no longer load.
/// </summary>
public static class JournalManifests
{
    static readonly (Type Type, string Manifest)[] Table =
    [
        (typeof(ContainerCreated), "container-created"),
        (typeof(ContainerInitialized), "container-initialized"),
        (typeof(ContainerStarted), "container-started"),
        (typeof(ContainerStopRequested), "container-stop-requested"),
        (typeof(ContainerKilled), "container-killed"),
        (typeof(ContainerExited), "container-exited"),
        (typeof(ContainerPaused), "container-paused"),
        (typeof(ContainerUnpaused), "container-unpaused"),
        (typeof(ContainerRemoving), "container-removing"),
        (typeof(ContainerRemoved), "container-removed"),
        (typeof(ContainerRestartScheduled), "container-restart-scheduled"),
        (typeof(ContainerRestartCancelled), "container-restart-cancelled"),
        (typeof(ExecSessionStarted), "exec-session-started"),
        (typeof(ExecSessionEnded), "exec-session-ended"),
        (typeof(ContainerRegistered), "registry-container-registered"),
        (typeof(ContainerUnregistered), "registry-container-unregistered"),
        (typeof(ContainerSnapshotted), "registry-container-snapshotted"),
        (typeof(ContainerState), "container-snapshot"),
        (typeof(RegistrySnapshot), "registry-clean-snapshot"),
    ];

    static readonly Dictionary<Type, string> ByType = Table.ToDictionary(e => e.Type, e => e.Manifest);

    static readonly Dictionary<string, Type> ByManifest = Table.ToDictionary(e => e.Manifest, e => e.Type);

    public static IEnumerable<Type> Types => ByType.Keys;

    public static string ManifestOf(Type type) => ByType.TryGetValue(type, out var manifest)
        ? manifest
        : throw new ArgumentException($"{type.FullName} has no journal manifest; add it to {nameof(JournalManifests)}");

    public static Type TypeOf(string manifest) => ByManifest.TryGetValue(manifest, out var type)
        ? type
        : throw new ArgumentException($"unknown journal manifest \"{manifest}\"");
}
