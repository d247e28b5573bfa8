using Microsoft.Extensions.Options;
using Upstash.DeveloperApi.Clients;

namespace Upstash.DeveloperApi.DependencyInjection
{
    /// <summary>Gives each call the options that apply now, converted once per change, and the last valid ones while a reload is invalid.</summary>
    /// <remarks>
    /// The last valid options are the latest that passed validation (<see cref="UpstashOptionsValidator.LastValid"/>),
    /// whether or not a call used them: a valid reload of a rotated key followed by an invalid reload keeps the rotated
    /// key. Options that never passed validation (a host that was not started) fail the call with
    /// <see cref="UpstashConfigurationException"/>, naming the settings.
    /// </remarks>
    internal sealed class MonitoredSettings
    {
        private readonly IOptionsMonitor<UpstashOptions> _monitor;
        private readonly UpstashOptionsValidator _validator;
        private volatile Snapshot? _last;

        public MonitoredSettings(IOptionsMonitor<UpstashOptions> monitor, UpstashOptionsValidator validator)
        {
            _monitor = monitor;
            _validator = validator;
        }

        public ClientSettings Current()
        {
            UpstashOptions source;
            try
            {
                source = _monitor.CurrentValue;
            }
            catch (OptionsValidationException invalid)
            {
                throw NotValid(string.Join("; ", invalid.Failures));
            }
            if (source.RejectedReload != null) source = _validator.LastValid ?? throw NotValid(source.RejectedReload);
            var last = _last;
            if (last != null && ReferenceEquals(last.Source, source)) return last.Settings;
            var snapshot = new Snapshot(source, new ClientSettings(source.ToCredentials(), source.Clone()));
            _last = snapshot;
            return snapshot.Settings;
        }

        private static UpstashConfigurationException NotValid(string failures) => new("The Upstash options are not valid: " + failures);

        /// <summary>Options and the settings made of them, replaced together (never one without the other).</summary>
        private sealed class Snapshot
        {
            public Snapshot(UpstashOptions source, ClientSettings settings)
            {
                Source = source;
                Settings = settings;
            }

            public UpstashOptions Source { get; }

            public ClientSettings Settings { get; }
        }
    }
}
