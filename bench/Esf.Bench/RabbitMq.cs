namespace Esf.Bench;

/// <summary>The RabbitMQ node bench/run.sh started (scripts/rabbitmq.sh, in .esf/bench/rabbitmq).</summary>
public static class RabbitMq
{
    /// <summary>The node's pid (scripts/rabbitmq.sh keeps it in rabbit.pid); 0 when unknown.</summary>
    public static int Pid(Options options)
    {
        var file = Path.Combine(options.WorkDirectory, "rabbitmq", "rabbit.pid");
        return File.Exists(file) && int.TryParse(File.ReadAllText(file).Trim(), out var pid) ? pid : 0;
    }
}
