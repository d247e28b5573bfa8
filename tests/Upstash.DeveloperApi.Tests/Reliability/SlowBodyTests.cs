using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using NUnit.Framework;
using Upstash.DeveloperApi.Tests.Support;

namespace Upstash.DeveloperApi.Tests.Reliability
{
    /// <summary>The timeout also bounds reading the body, which arrives after the 200 status line.</summary>
    [TestFixture]
    [Category("Reliability")]
    public sealed class SlowBodyTests
    {
        /// <summary>A body that sends its first bytes and then stalls until cancelled.</summary>
        private sealed class StallingStream : Stream
        {
            private bool _sentStart;
            public override bool CanRead => true;
            public override bool CanSeek => false;
            public override bool CanWrite => false;
            public override long Length => throw new NotSupportedException();
            public override long Position { get => 0; set => throw new NotSupportedException(); }
            public override void Flush() { }
            public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();
            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

            public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            {
                if (!_sentStart)
                {
                    _sentStart = true;
                    buffer[offset] = (byte)'{';
                    return 1;
                }
                await Task.Delay(Timeout.Infinite, cancellationToken);
                return 0;
            }

            public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
                new(ReadAsync(new byte[buffer.Length], 0, buffer.Length, cancellationToken).ContinueWith(t => { if (t.Result > 0) buffer.Span[0] = (byte)'{'; return t.Result; }, TaskScheduler.Default));
        }

        [Test]
        public async Task A_body_that_stalls_past_the_timeout_is_unreadable_not_a_hang()
        {
            var handler = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new StallingStream()) });
            using var client = new QStashClient(new HttpClient(handler), TestCredentials.Create(), new UpstashClientOptions { Timeout = TimeSpan.FromMilliseconds(200) });

            var call = () => client.ResetQStashTokenAsync();

            var thrown = (await call.Should().ThrowAsync<UpstashUnreadableResponseException>()).Which;
            thrown.Message.Should().Contain("within the timeout").And.Contain("HAS been rotated");
        }
    }
}
