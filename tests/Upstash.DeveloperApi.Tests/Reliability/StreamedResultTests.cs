using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using Upstash.DeveloperApi.SpecTools;
using Upstash.DeveloperApi.Tests.Support;

namespace Upstash.DeveloperApi.Tests.Reliability
{
    /// <summary>
    /// Lists and models are read as they arrive, on a real socket: a long list or a large document is never
    /// rejected or cut for its size or for taking longer than the timeout while it keeps arriving; one that
    /// stalls ends at the timeout; a cancelled one ends at once; a model keeps every field it could read.
    /// The result of an operation that issues credentials is the exception: buffered, and bounded.
    /// </summary>
    [TestFixture]
    [Category("Reliability")]
    [Parallelizable(ParallelScope.All)]
    public sealed class StreamedResultTests
    {
        private static readonly JObject AuditLog = Examples.AuditLogItem;

        private static UpstashClient Client(RawTcpServer server, TimeSpan? timeout = null) =>
            new(new HttpClient(), TestCredentials.Create(), new UpstashClientOptions { BaseAddress = server.BaseAddress, Timeout = timeout ?? UpstashClientOptions.DefaultTimeout, MaxRetries = 0 });

        [Test]
        public async Task A_list_of_100000_audit_log_entries_is_read_with_the_default_settings()
        {
            const int count = 100_000;
            var item = AuditLog.ToString(Formatting.None);
            long sent = 0;
            using var server = RawTcpServer.Chunked(async (connection, chunk) =>
            {
                var batch = new StringBuilder();
                for (var i = 0; i < count; i++)
                {
                    batch.Append(i == 0 ? "[" : ",").Append(item);
                    if (batch.Length > 60_000)
                    {
                        Interlocked.Add(ref sent, batch.Length);
                        await chunk(batch.ToString());
                        batch.Clear();
                    }
                }
                batch.Append(']');
                Interlocked.Add(ref sent, batch.Length);
                await chunk(batch.ToString());
                await connection.WriteAsync("0\r\n\r\n");
            });
            using var upstash = new UpstashClient(new HttpClient(), TestCredentials.Create(), new UpstashClientOptions { BaseAddress = server.BaseAddress });

            var logs = await upstash.AuditLogs.ListAuditLogsAsync();

            logs.Should().HaveCount(count);
            ((IReadIssues)logs).ReadIssues.Should().BeEmpty();
            logs[count - 1].ActionString.Should().Be(AuditLog.Value<string>("action_string"));
            Interlocked.Read(ref sent).Should().BeGreaterThan(UpstashClientOptions.DefaultTimeout.Ticks > 0 ? 30_000_000 : 0, "the body is far larger than MaxResponseBytes (1 MiB), which binds only buffered bodies");
        }

        [Test]
        public async Task A_list_that_keeps_arriving_is_read_whole_even_past_the_timeout()
        {
            var item = AuditLog.ToString(Formatting.None);
            using var server = RawTcpServer.Chunked(async (connection, chunk) =>
            {
                await chunk("[" + item);
                for (var i = 0; i < 8; i++)
                {
                    await Task.Delay(600);
                    await chunk("," + item);
                }
                await chunk("]");
                await connection.WriteAsync("0\r\n\r\n");
            });
            // Margins for a shared 2-core machine: each wait is a fifth of the timeout, the whole transfer 1.6 times it.
            using var upstash = Client(server, TimeSpan.FromSeconds(3));
            var clock = Stopwatch.StartNew();

            var logs = await upstash.AuditLogs.ListAuditLogsAsync();

            logs.Should().HaveCount(9);
            clock.Elapsed.Should().BeGreaterThan(TimeSpan.FromSeconds(3), "the transfer took longer than the timeout, and no single wait did");
        }

        [Test]
        public async Task A_list_that_stalls_ends_at_the_timeout_as_an_unreadable_response()
        {
            var item = AuditLog.ToString(Formatting.None);
            using var server = RawTcpServer.Chunked(async (connection, chunk) =>
            {
                await chunk("[" + item + "," + item);
                await connection.HoldAsync();
            });
            using var upstash = Client(server, TimeSpan.FromSeconds(2));
            var clock = Stopwatch.StartNew();

            var call = () => upstash.AuditLogs.ListAuditLogsAsync();

            var thrown = (await call.Should().ThrowAsync<UpstashUnreadableResponseException>()).Which;
            clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(15), "the stall ends at the timeout, not never");
            thrown.Message.Should().Contain("stopped arriving").And.Contain("safe to repeat");
            thrown.StatusCode.Should().Be(200);
        }

        [Test]
        public async Task Cancelling_while_a_list_arrives_cancels()
        {
            var item = AuditLog.ToString(Formatting.None);
            using var server = RawTcpServer.Chunked(async (connection, chunk) =>
            {
                await chunk("[" + item);
                await connection.HoldAsync();
            });
            using var upstash = Client(server);
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

            var call = () => upstash.AuditLogs.ListAuditLogsAsync(cancel.Token);

            await call.Should().ThrowAsync<OperationCanceledException>();
        }

        /// <summary>Answers with a 200 whose body is exactly <paramref name="body"/> (Content-Length set), then holds the connection.</summary>
        private static RawTcpServer Answer(string body, string contentType = "application/json") => new(async connection =>
        {
            await connection.ReadRequestAsync();
            var bytes = Encoding.UTF8.GetBytes(body);
            await connection.WriteAsync($"HTTP/1.1 200 OK\r\nContent-Type: {contentType}\r\nContent-Length: {bytes.Length}\r\n\r\n");
            await connection.WriteAsync(bytes);
            await connection.HoldAsync();
        });

        [TestCase(false, TestName = "A list whose JSON breaks off between items keeps the items and says so")]
        [TestCase(true, TestName = "A list whose JSON breaks off inside an item keeps the items before it and says so")]
        public async Task A_list_whose_JSON_breaks_off_keeps_the_items_before_the_break_and_says_so(bool insideAnItem)
        {
            var item = AuditLog.ToString(Formatting.None);
            using var server = Answer("[" + item + "," + item + (insideAnItem ? ",{\"action_string\":[1," : ""));
            using var upstash = Client(server);

            var logs = await upstash.AuditLogs.ListAuditLogsAsync();

            logs.Should().HaveCount(2);
            ((IReadIssues)logs).ReadIssues.Should().ContainSingle().Which.Should().Contain("breaks off").And.Contain("2 items before that point were kept");
        }

        [Test]
        public async Task A_list_followed_by_more_text_keeps_its_items_and_says_so()
        {
            var item = AuditLog.ToString(Formatting.None);
            using var server = Answer("[" + item + "," + item + "]xyz");
            using var upstash = Client(server);

            var logs = await upstash.AuditLogs.ListAuditLogsAsync();

            logs.Should().HaveCount(2);
            logs.ReadIssues.Should().ContainSingle().Which.Should().Contain("goes on after the end of the list");
        }

        [Test]
        public async Task Several_bad_items_in_one_list_are_each_noted_and_every_item_that_is_an_object_is_kept()
        {
            var item = AuditLog.ToString(Formatting.None);
            const string badShape = "{\"timestamp\":{\"not\":\"a number\"}}";
            using var server = Answer($"[{item},{badShape},{item},\"text\",{item},{badShape},{item}]");
            using var upstash = Client(server);

            var logs = await upstash.AuditLogs.ListAuditLogsAsync();

            logs.Should().HaveCount(6, "an object with a field of the wrong type is kept with that field null; the string is left out");
            logs.Count(l => l.Timestamp == null).Should().Be(2);
            ((IReadIssues)logs).ReadIssues.Should().HaveCount(3)
                .And.Contain(i => i.Contains("item 1") && i.Contains("'timestamp'"))
                .And.Contain(i => i.Contains("item 3") && i.Contains("left out"))
                .And.Contain(i => i.Contains("item 5") && i.Contains("'timestamp'"));
        }

        [Test]
        public async Task A_stats_document_of_several_megabytes_is_read_with_the_default_settings()
        {
            const int points = 100_000;
            var series = string.Join(",", Enumerable.Range(0, points).Select(i => $"{{\"x\":\"2025-08-31 15:12:52.{i:D9} +0000 UTC\",\"y\":{i}}}"));
            var body = $"{{\"daily_net_commands\":7,\"keyspace\":[{series}],\"throughput\":[{{\"x\":\"t\",\"y\":1}}]}}";
            using var server = Answer(body);
            using var upstash = Client(server);

            var stats = await upstash.Redis.GetDatabaseStatsAsync("db-1");

            Encoding.UTF8.GetByteCount(body).Should().BeGreaterThan(4 * 1024 * 1024, "the document is far larger than MaxResponseBytes (1 MiB)");
            stats.Keyspace.Should().HaveCount(points);
            stats.Keyspace![points - 1].Y.Should().Be(points - 1);
            stats.Throughput.Should().ContainSingle();
            stats.DailyNetCommands.Should().Be(7);
            stats.ReadIssues.Should().BeEmpty();
        }

        [Test]
        public async Task A_streamed_model_whose_JSON_breaks_off_keeps_the_fields_before_the_break_and_says_so()
        {
            using var server = Answer("{\"daily_net_commands\":7,\"keyspace\":[{\"x\":\"a\",\"y\":1}],\"throughput\":[{\"x\":");
            using var upstash = Client(server);

            var stats = await upstash.Redis.GetDatabaseStatsAsync("db-1");

            stats.DailyNetCommands.Should().Be(7);
            stats.Keyspace.Should().ContainSingle();
            stats.Throughput.Should().BeNull();
            stats.ReadIssues.Should().ContainSingle().Which.Should().Contain("breaks off").And.Contain("fields before that point were kept");
        }

        [Test]
        public async Task A_streamed_model_leaves_a_field_of_the_wrong_type_null_and_keeps_the_rest_and_unknown_fields()
        {
            using var server = Answer("{\"daily_net_commands\":\"many\",\"keyspace\":[{\"x\":\"a\",\"y\":1}],\"new_field\":{\"nested\":[1,2]},\"throughput\":{\"x\":1},\"daily_read_requests\":3}");
            using var upstash = Client(server);

            var stats = await upstash.Redis.GetDatabaseStatsAsync("db-1");

            stats.DailyNetCommands.Should().BeNull();
            stats.Keyspace.Should().ContainSingle();
            stats.DailyReadRequests.Should().Be(3, "the fields after the bad one are read too");
            stats.AdditionalProperties.Should().ContainKey("new_field");
            stats.Throughput.Should().BeNull();
            stats.ReadIssues.Should().HaveCount(2).And.Contain(i => i.Contains("'daily_net_commands'") && i.Contains("left null")).And.Contain(i => i.Contains("'throughput'"));
        }

        [Test]
        public async Task A_streamed_model_that_is_not_JSON_is_an_unreadable_response_naming_the_media_type()
        {
            using var server = Answer("<html></html>", "text/html");
            using var upstash = Client(server);

            var call = () => upstash.Redis.GetDatabaseStatsAsync("db-1");

            (await call.Should().ThrowAsync<UpstashUnreadableResponseException>()).Which.Message.Should().Contain("'text/html', not JSON");
        }

        [Test]
        public async Task The_result_of_an_operation_that_issues_credentials_stays_buffered_and_bounded_by_default()
        {
            var body = "{\"token\":\"" + new string('t', 40) + "\",\"padding\":\"" + new string('x', 2 * 1024 * 1024) + "\"}";
            using var server = Answer(body);
            using var upstash = Client(server);

            var call = () => upstash.QStash.ResetQStashTokenAsync();

            var thrown = (await call.Should().ThrowAsync<UpstashUnreadableResponseException>()).Which;
            thrown.Message.Should().Contain($"larger than {1024 * 1024} bytes");
        }
    }
}
