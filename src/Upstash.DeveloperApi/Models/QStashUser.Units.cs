using System;
using Newtonsoft.Json;

namespace Upstash.DeveloperApi
{
    // Hand-written, for this model only: the units the document's descriptions state, as .NET types. The wire properties
    // stay as generated; these are computed from them and are not serialized.
    public partial class QStashUser
    {
        /// <summary><see cref="LastPlanUpgradeTime"/> (Unix seconds) as a point in time, or null.</summary>
        [JsonIgnore]
        public DateTimeOffset? LastPlanUpgradeAt => FromUnixSeconds(LastPlanUpgradeTime);

        /// <summary><see cref="CreationTime"/> (Unix seconds) as a point in time, or null.</summary>
        [JsonIgnore]
        public DateTimeOffset? CreatedAt => FromUnixSeconds(CreationTime);

        /// <summary><see cref="MaxDlqRetentionTimeMilis"/> (milliseconds) as a duration, or null.</summary>
        [JsonIgnore]
        public TimeSpan? MaxDlqRetention => MaxDlqRetentionTimeMilis is long ms && ms >= 0 && ms <= (long)TimeSpan.MaxValue.TotalMilliseconds ? TimeSpan.FromMilliseconds(ms) : (TimeSpan?)null;

        /// <summary><see cref="MaxDelay"/> (seconds) as a duration, or null.</summary>
        [JsonIgnore]
        public TimeSpan? MaxDelayDuration => Seconds(MaxDelay);

        /// <summary><see cref="Timeout"/> (seconds) as a duration, or null.</summary>
        [JsonIgnore]
        public TimeSpan? TimeoutDuration => Seconds(Timeout);

        // TimeSpan holds up to about 9.2e11 seconds; a larger value (an "unlimited" limit) is not a duration.
        private static TimeSpan? Seconds(long? seconds) =>
            seconds is long s && s >= 0 && s <= (long)TimeSpan.MaxValue.TotalSeconds ? TimeSpan.FromSeconds(s) : (TimeSpan?)null;

        private static DateTimeOffset? FromUnixSeconds(long? seconds)
        {
            // DateTimeOffset covers Unix seconds -62135596800 to 253402300799; outside that the value is not a time.
            if (seconds is long s && s >= -62135596800L && s <= 253402300799L) return DateTimeOffset.FromUnixTimeSeconds(s);
            return null;
        }
    }
}
