using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Esf.Infrastructure.Persistence;

/// <summary>Tells whether the cluster of a folder is running, from its <c>postmaster.pid</c>.</summary>
internal static class RunningCluster
{
    /// <summary>The port of the cluster of <paramref name="folder"/> when it is running and accepting connections.</summary>
    public static int? PortOf(string folder)
    {
        var pidFile = ClusterLayout.PidFileOf(folder);
        string[] lines;
        try
        {
            lines = File.ReadAllLines(pidFile);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        // postmaster.pid: pid, data dir, start time, port, socket dir, listen address, shmem key, status.
        if (lines.Length < 4
            || !int.TryParse(lines[0].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid)
            || !int.TryParse(lines[3].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var port)
            || !IsAlive(pid))
        {
            return null;
        }

        return AcceptsConnections(port) ? port : null;
    }

    /// <summary>True when <c>postmaster.pid</c> exists, whether or not its server still runs.</summary>
    public static bool HasPidFile(string folder) => File.Exists(ClusterLayout.PidFileOf(folder));

    private static bool IsAlive(int pid)
    {
        // /proc/<pid> exists for live processes of any user (Process.GetProcessById works too, but throws on races).
        if (Directory.Exists("/proc/self"))
        {
            return Directory.Exists($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}");
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static bool AcceptsConnections(int port)
    {
        try
        {
            using var client = new TcpClient();
            return client.ConnectAsync(IPAddress.Loopback, port).Wait(TimeSpan.FromSeconds(2)) && client.Connected;
        }
        catch (AggregateException)
        {
            return false;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
