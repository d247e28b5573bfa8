using System;
using System.Text.Json.Serialization;

namespace Upstash.DeveloperApi.Benchmarks
{
    /// <summary>The same fields as QStashUser, for System.Text.Json source generation (the .NET floor).</summary>
    public sealed class QStashUserStj
    {
        [JsonPropertyName("customer_id")] public string? CustomerId { get; set; }
        [JsonPropertyName("id")] public Guid? Id { get; set; }
        [JsonPropertyName("password")] public string? Password { get; set; }
        [JsonPropertyName("token")] public string? Token { get; set; }
        [JsonPropertyName("active")] public bool? Active { get; set; }
        [JsonPropertyName("state")] public string? State { get; set; }
        [JsonPropertyName("last_plan_upgrade_time")] public long? LastPlanUpgradeTime { get; set; }
        [JsonPropertyName("max_message_size")] public int? MaxMessageSize { get; set; }
        [JsonPropertyName("max_requests_per_day")] public int? MaxRequestsPerDay { get; set; }
        [JsonPropertyName("max_requests_per_day_hard")] public int? MaxRequestsPerDayHard { get; set; }
        [JsonPropertyName("max_endpoints_per_topic")] public int? MaxEndpointsPerTopic { get; set; }
        [JsonPropertyName("max_requests_per_second")] public int? MaxRequestsPerSecond { get; set; }
        [JsonPropertyName("max_dlq_size")] public int? MaxDlqSize { get; set; }
        [JsonPropertyName("max_retries")] public int? MaxRetries { get; set; }
        [JsonPropertyName("max_topics")] public int? MaxTopics { get; set; }
        [JsonPropertyName("max_schedules")] public int? MaxSchedules { get; set; }
        [JsonPropertyName("max_events_size")] public int? MaxEventsSize { get; set; }
        [JsonPropertyName("max_dlq_retention_time_milis")] public long? MaxDlqRetentionTimeMilis { get; set; }
        [JsonPropertyName("max_delay")] public int? MaxDelay { get; set; }
        [JsonPropertyName("max_parallelism")] public int? MaxParallelism { get; set; }
        [JsonPropertyName("max_global_parallelism")] public int? MaxGlobalParallelism { get; set; }
        [JsonPropertyName("max_queues")] public int? MaxQueues { get; set; }
        [JsonPropertyName("prod_pack_enabled")] public bool? ProdPackEnabled { get; set; }
        [JsonPropertyName("timeout")] public int? Timeout { get; set; }
        [JsonPropertyName("type")] public string? Type { get; set; }
        [JsonPropertyName("reserved_type")] public string? ReservedType { get; set; }
        [JsonPropertyName("reserved_price")] public float? ReservedPrice { get; set; }
        [JsonPropertyName("created_by")] public string? CreatedBy { get; set; }
        [JsonPropertyName("creation_time")] public long? CreationTime { get; set; }
    }

    [JsonSerializable(typeof(QStashUserStj))]
    public sealed partial class StjContext : JsonSerializerContext
    {
    }
}
