using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Upstash.DeveloperApi.Clients;

namespace Upstash.DeveloperApi.DependencyInjection
{
    /// <summary>Gives each call the options that apply now, converted once per change, and the last valid ones while a reload is invalid.</summary>
    /// <remarks>
    /// A reload that makes a setting invalid (see <see cref="UpstashOptionsValidator"/>) is logged once, naming the
    /// settings and never a value of the key, and the options that were valid before stay in use until a valid reload.
    /// </remarks>
    internal sealed class MonitoredSettings
    {
        private readonly IOptionsMonitor<UpstashOptions> _monitor;
        private readonly Diagnostics.UpstashClientLog? _log;
        private (UpstashOptions Source, ClientSettings Settings)? _last;
        private UpstashOptions? _rejected;

        public MonitoredSettings(IOptionsMonitor<UpstashOptions> monitor, ILogger? logger)
        {
            _monitor = monitor;
            _log = logger == null ? null : new Diagnostics.UpstashClientLog(logger);
        }

        public ClientSettings Current()
        {
            var source = _monitor.CurrentValue;
            var last = _last;
            if (last.HasValue && ReferenceEquals(last.Value.Source, source)) return last.Value.Settings;
            if (source.RejectedReload != null)
            {
                if (!last.HasValue) // no call was made before the reload, so there are no options in use to keep
                    throw new UpstashConfigurationException($"The Upstash options were reloaded with invalid values: {source.RejectedReload}");
                if (!ReferenceEquals(_rejected, source))
                {
                    _rejected = source;
                    _log?.OptionsRejected(source.RejectedReload);
                }
                return last.Value.Settings;
            }
            var settings = new ClientSettings(source.ToCredentials(), source.Clone());
            _last = (source, settings);
            return settings;
        }
    }
}
