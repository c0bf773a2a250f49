using System.Runtime.Versioning;

// Overlay mounts, mknod and lchown exist on Linux only; so does ActorPod.
[assembly: SupportedOSPlatform("linux")]
