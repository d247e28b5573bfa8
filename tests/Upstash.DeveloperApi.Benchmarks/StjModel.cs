using System;
using System.Collections.Generic;
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
        [JsonPropertyName("max_message_size")] public long? MaxMessageSize { get; set; }
        [JsonPropertyName("max_requests_per_day")] public long? MaxRequestsPerDay { get; set; }
        [JsonPropertyName("max_requests_per_day_hard")] public long? MaxRequestsPerDayHard { get; set; }
        [JsonPropertyName("max_endpoints_per_topic")] public long? MaxEndpointsPerTopic { get; set; }
        [JsonPropertyName("max_requests_per_second")] public long? MaxRequestsPerSecond { get; set; }
        [JsonPropertyName("max_dlq_size")] public long? MaxDlqSize { get; set; }
        [JsonPropertyName("max_retries")] public long? MaxRetries { get; set; }
        [JsonPropertyName("max_topics")] public long? MaxTopics { get; set; }
        [JsonPropertyName("max_schedules")] public long? MaxSchedules { get; set; }
        [JsonPropertyName("max_events_size")] public long? MaxEventsSize { get; set; }
        [JsonPropertyName("max_dlq_retention_time_milis")] public long? MaxDlqRetentionTimeMilis { get; set; }
        [JsonPropertyName("max_delay")] public long? MaxDelay { get; set; }
        [JsonPropertyName("max_parallelism")] public long? MaxParallelism { get; set; }
        [JsonPropertyName("max_global_parallelism")] public long? MaxGlobalParallelism { get; set; }
        [JsonPropertyName("max_queues")] public long? MaxQueues { get; set; }
        [JsonPropertyName("prod_pack_enabled")] public bool? ProdPackEnabled { get; set; }
        [JsonPropertyName("timeout")] public long? Timeout { get; set; }
        [JsonPropertyName("type")] public string? Type { get; set; }
        [JsonPropertyName("reserved_type")] public string? ReservedType { get; set; }
        [JsonPropertyName("reserved_price")] public float? ReservedPrice { get; set; }
        [JsonPropertyName("created_by")] public string? CreatedBy { get; set; }
        [JsonPropertyName("creation_time")] public long? CreationTime { get; set; }
    }

    /// <summary>The fields of AuditLog (with the corrections of openapi/corrections.overlay.yml), for System.Text.Json source generation; string enums as strings.</summary>
    public sealed class AuditLogStj
    {
        [JsonPropertyName("log_id")] public string? LogId { get; set; }
        [JsonPropertyName("customer_id")] public string? CustomerId { get; set; }
        [JsonPropertyName("actor")] public string? Actor { get; set; }
        [JsonPropertyName("timestamp")] public long? Timestamp { get; set; }
        [JsonPropertyName("action")] public long? Action { get; set; }
        [JsonPropertyName("action_string")] public string? ActionString { get; set; }
        [JsonPropertyName("source")] public string? Source { get; set; }
        [JsonPropertyName("entity")] public string? Entity { get; set; }
        [JsonPropertyName("secondary_entity")] public string? SecondaryEntity { get; set; }
        [JsonPropertyName("third_entity")] public string? ThirdEntity { get; set; }
        [JsonPropertyName("readable_format")] public string? ReadableFormat { get; set; }
        [JsonPropertyName("ip")] public string? Ip { get; set; }
        [JsonPropertyName("ttl")] public long? Ttl { get; set; }
        [JsonPropertyName("reason")] public string? Reason { get; set; }
        [JsonPropertyName("notes")] public string? Notes { get; set; }
    }

    /// <summary>The fields of Database (with the corrections of openapi/corrections.overlay.yml), for System.Text.Json source generation; string enums as strings.</summary>
    public sealed class DatabaseStj
    {
        [JsonPropertyName("database_id")] public string? DatabaseId { get; set; }
        [JsonPropertyName("database_name")] public string? DatabaseName { get; set; }
        [JsonPropertyName("region")] public string? Region { get; set; }
        [JsonPropertyName("port")] public long? Port { get; set; }
        [JsonPropertyName("creation_time")] public long? CreationTime { get; set; }
        [JsonPropertyName("state")] public string? State { get; set; }
        [JsonPropertyName("endpoint")] public string? Endpoint { get; set; }
        [JsonPropertyName("tls")] public bool? Tls { get; set; }
        [JsonPropertyName("db_max_clients")] public long? DbMaxClients { get; set; }
        [JsonPropertyName("db_max_request_size")] public long? DbMaxRequestSize { get; set; }
        [JsonPropertyName("db_disk_threshold")] public long? DbDiskThreshold { get; set; }
        [JsonPropertyName("db_max_entry_size")] public long? DbMaxEntrySize { get; set; }
        [JsonPropertyName("db_memory_threshold")] public long? DbMemoryThreshold { get; set; }
        [JsonPropertyName("db_max_commands_per_second")] public long? DbMaxCommandsPerSecond { get; set; }
        [JsonPropertyName("db_request_limit")] public long? DbRequestLimit { get; set; }
        [JsonPropertyName("type")] public string? Type { get; set; }
        [JsonPropertyName("budget")] public long? Budget { get; set; }
        [JsonPropertyName("primary_region")] public string? PrimaryRegion { get; set; }
        [JsonPropertyName("primary_members")] public List<string>? PrimaryMembers { get; set; }
        [JsonPropertyName("all_members")] public List<string>? AllMembers { get; set; }
        [JsonPropertyName("eviction")] public bool? Eviction { get; set; }
        [JsonPropertyName("auto_upgrade")] public bool? AutoUpgrade { get; set; }
        [JsonPropertyName("consistent")] public bool? Consistent { get; set; }
        [JsonPropertyName("modifying_state")] public string? ModifyingState { get; set; }
        [JsonPropertyName("db_resource_size")] public string? DbResourceSize { get; set; }
        [JsonPropertyName("db_type")] public string? DbType { get; set; }
        [JsonPropertyName("db_conn_idle_timeout")] public long? DbConnIdleTimeout { get; set; }
        [JsonPropertyName("db_lua_timeout")] public long? DbLuaTimeout { get; set; }
        [JsonPropertyName("db_lua_credits_per_min")] public long? DbLuaCreditsPerMin { get; set; }
        [JsonPropertyName("db_store_max_idle")] public long? DbStoreMaxIdle { get; set; }
        [JsonPropertyName("db_max_loads_per_sec")] public long? DbMaxLoadsPerSec { get; set; }
        [JsonPropertyName("db_acl_enabled")] public string? DbAclEnabled { get; set; }
        [JsonPropertyName("db_acl_default_user_status")] public string? DbAclDefaultUserStatus { get; set; }
        [JsonPropertyName("db_eviction")] public bool? DbEviction { get; set; }
        [JsonPropertyName("last_plan_upgrade_time")] public long? LastPlanUpgradeTime { get; set; }
        [JsonPropertyName("replicas")] public long? Replicas { get; set; }
        [JsonPropertyName("customer_id")] public string? CustomerId { get; set; }
        [JsonPropertyName("daily_backup_enabled")] public bool? DailyBackupEnabled { get; set; }
        [JsonPropertyName("read_regions")] public List<string>? ReadRegions { get; set; }
        [JsonPropertyName("securityAddons")] public System.Text.Json.JsonElement? SecurityAddons { get; set; }
        [JsonPropertyName("prometheus_enabled")] public string? PrometheusEnabled { get; set; }
        [JsonPropertyName("prod_pack_enabled")] public bool? ProdPackEnabled { get; set; }
        [JsonPropertyName("password")] public string? Password { get; set; }
        [JsonPropertyName("rest_token")] public string? RestToken { get; set; }
        [JsonPropertyName("read_only_rest_token")] public string? ReadOnlyRestToken { get; set; }
    }
    [JsonSerializable(typeof(QStashUserStj))]
    [JsonSerializable(typeof(List<AuditLogStj>))]
    [JsonSerializable(typeof(List<DatabaseStj>))]
    public sealed partial class StjContext : JsonSerializerContext
    {
    }
}
