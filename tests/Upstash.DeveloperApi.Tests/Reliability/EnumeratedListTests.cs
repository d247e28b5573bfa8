using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using NUnit.Framework;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Upstash.DeveloperApi.Clients;
using Upstash.DeveloperApi.Operations;
using Upstash.DeveloperApi.SpecTools;
using Upstash.DeveloperApi.Tests.Support;

namespace Upstash.DeveloperApi.Tests.Reliability
{
    /// <summary>
    /// The Enumerate…Async form of every list operation yields the items the list form returns, one by one as
    /// the body arrives on a real socket: nothing is sent before the first item is asked for, an item reaches
    /// the caller while the rest is still on its way, and a failure mid-body comes after the items that arrived.
    /// </summary>
    [TestFixture]
    [Category("Reliability")]
    [Parallelizable(ParallelScope.All)]
    public sealed class EnumeratedListTests
    {
        private static readonly JObject AuditLog = Examples.AuditLogItem;

        private static readonly string Item = AuditLog.ToString(Formatting.None);

        private static IEnumerable<string> ListOperations() =>
            SpecDocument.Operations.Where(o => ApiOperations.Get(o.Id).EnumerateMethodName != null).Select(o => o.Id);

        private static UpstashClient Client(RawTcpServer server, TimeSpan? timeout = null) =>
            new(new HttpClient(), TestCredentials.Create(), new UpstashClientOptions { BaseAddress = server.BaseAddress, Timeout = timeout ?? UpstashClientOptions.DefaultTimeout, MaxRetries = 0 });

        private static async Task<List<T>> Collect<T>(IAsyncEnumerable<T> items, Action<T>? each = null)
        {
            var collected = new List<T>();
            await foreach (var item in items)
            {
                collected.Add(item);
                each?.Invoke(item);
            }
            return collected;
        }

        [Test]
        public void The_document_has_list_operations_to_try() => ListOperations().Should().NotBeEmpty();

        [TestCaseSource(nameof(ListOperations))]
        public async Task The_Enumerate_form_yields_what_the_list_form_returns_and_sends_once_per_enumeration(string id)
        {
            var operation = SpecDocument.Operations.Single(o => o.Id == id);
            var example = ExampleAssembler.SuccessResponse(operation.Operation, out _) ?? new JArray();
            var handler = new StubHandler(_ => StubHandler.Json(example.ToString(Formatting.None)));
            using var upstash = new UpstashClient(new HttpClient(handler), TestCredentials.Create());
            var plan = OperationInvoker.Plan(operation);
            var client = LibraryUnderTest.Referenced.ClientFor(upstash, id);
            var list = (System.Collections.IEnumerable)(await OperationInvoker.InvokeAsync(client, plan))!;
            var enumerate = client.GetType().GetMethod(ApiOperations.Get(id).EnumerateMethodName!)!;

            var items = enumerate.Invoke(client, plan.Arguments)!;
            handler.Requests.Should().HaveCount(1, "nothing is sent until the items are enumerated");
            var first = await CollectBoxed(items);
            var second = await CollectBoxed(items);

            handler.Requests.Should().HaveCount(3, "each enumeration sends the request once");
            handler.Requests.Select(r => r.RequestUri).Distinct().Should().ContainSingle("the same request each time");
            JsonConvert.SerializeObject(first).Should().Be(JsonConvert.SerializeObject(list.Cast<object>()), id);
            JsonConvert.SerializeObject(second).Should().Be(JsonConvert.SerializeObject(first));
            ((IReadIssues)items).ReadIssues.Should().BeEmpty();
        }

        private static async Task<List<object?>> CollectBoxed(object items)
        {
            var method = typeof(EnumeratedListTests).GetMethod(nameof(Collect), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(items.GetType().GetGenericArguments()[0]);
            var task = (Task)method.Invoke(null, new[] { items, null })!;
            await task;
            return ((System.Collections.IEnumerable)task.GetType().GetProperty("Result")!.GetValue(task)!).Cast<object?>().ToList();
        }

        [Test]
        public async Task An_item_reaches_the_caller_while_the_rest_of_the_body_is_still_held_by_the_server()
        {
            var firstArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var sentAfter = 0;
            using var server = RawTcpServer.Chunked(async (connection, chunk) =>
            {
                await chunk("[" + Item);
                await firstArrived.Task.WaitAsync(TimeSpan.FromSeconds(20), connection.Stopping); // the rest waits for the caller
                for (var i = 0; i < 3; i++, sentAfter++) await chunk("," + Item);
                await chunk("]");
                await connection.WriteAsync("0\r\n\r\n");
            });
            using var upstash = Client(server);
            var sentWhenFirstArrived = -1;

            var logs = await Collect(upstash.AuditLogs.EnumerateAuditLogsAsync(), _ =>
            {
                if (sentWhenFirstArrived >= 0) return;
                sentWhenFirstArrived = Volatile.Read(ref sentAfter);
                firstArrived.TrySetResult();
            });

            sentWhenFirstArrived.Should().Be(0, "the first item was yielded before the server sent the second");
            logs.Should().HaveCount(4);
            server.Requests.Should().Be(1);
        }

        [Test]
        public async Task A_connection_reset_mid_body_comes_after_the_items_that_arrived_as_an_unreadable_response()
        {
            using var server = RawTcpServer.Chunked(async (connection, chunk) =>
            {
                await chunk("[" + Item + "," + Item + ",{\"action_str");
                await Task.Delay(100);
                connection.Reset();
            });
            using var upstash = Client(server);
            var received = new List<AuditLog>();

            var enumerate = () => Collect(upstash.AuditLogs.EnumerateAuditLogsAsync(), received.Add);

            var thrown = (await enumerate.Should().ThrowAsync<UpstashUnreadableResponseException>()).Which;
            received.Should().HaveCount(2, "the two items that arrived whole were yielded first");
            thrown.Message.Should().Contain("connection broke").And.Contain("safe to repeat");
            thrown.StatusCode.Should().Be(200);
        }

        [Test]
        public async Task A_list_that_stalls_ends_at_the_timeout_after_the_items_that_arrived()
        {
            using var server = RawTcpServer.Chunked(async (connection, chunk) =>
            {
                await chunk("[" + Item + "," + Item);
                await connection.HoldAsync();
            });
            using var upstash = Client(server, TimeSpan.FromSeconds(2));
            var received = 0;

            var enumerate = () => Collect(upstash.AuditLogs.EnumerateAuditLogsAsync(), _ => received++);

            (await enumerate.Should().ThrowAsync<UpstashUnreadableResponseException>()).Which.Message.Should().Contain("stopped arriving");
            received.Should().Be(2, "both items arrived whole before the stall");
        }

        [Test]
        public async Task Cancelling_the_enumeration_cancels()
        {
            using var server = RawTcpServer.Chunked(async (connection, chunk) =>
            {
                await chunk("[" + Item);
                await connection.HoldAsync();
            });
            using var upstash = Client(server);
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

            var enumerate = async () =>
            {
                await foreach (var _ in upstash.AuditLogs.EnumerateAuditLogsAsync().WithCancellation(cancel.Token))
                {
                }
            };

            await enumerate.Should().ThrowAsync<OperationCanceledException>();
        }

        [TestCase(false, TestName = "An enumeration whose JSON breaks off between items keeps the items and says so")]
        [TestCase(true, TestName = "An enumeration whose JSON breaks off inside an item keeps the items before it and says so")]
        public async Task JSON_that_breaks_off_ends_the_enumeration_with_a_note(bool insideAnItem)
        {
            using var server = RawTcpServer.Chunked(async (connection, chunk) =>
            {
                await chunk("[" + Item + "," + Item + (insideAnItem ? ",{\"action_string\":[1," : ""));
                await connection.WriteAsync("0\r\n\r\n");
                await connection.HoldAsync();
            });
            using var upstash = Client(server);
            var items = upstash.AuditLogs.EnumerateAuditLogsAsync();

            var logs = await Collect(items);

            logs.Should().HaveCount(2);
            items.ReadIssues.Should().ContainSingle().Which.Should().Contain("breaks off").And.Contain("2 items before that point were kept");
        }

        [Test]
        public async Task Bad_items_are_noted_as_the_list_form_notes_them_and_every_item_that_is_an_object_is_kept()
        {
            const string badShape = "{\"timestamp\":{\"not\":\"a number\"}}";
            using var server = RawTcpServer.AnsweringJson($"[{Item},{badShape},{Item},\"text\",{Item},{badShape},{Item}]");
            using var upstash = Client(server);
            var items = upstash.AuditLogs.EnumerateAuditLogsAsync();

            var logs = await Collect(items);

            logs.Should().HaveCount(6, "an object with a field of the wrong type is kept with that field null; the string is left out");
            logs.Count(l => l.Timestamp == null).Should().Be(2);
            logs[1].ReadIssues.Should().ContainSingle().Which.Should().Contain("'timestamp'");
            items.ReadIssues.Should().HaveCount(3)
                .And.Contain(i => i.Contains("item 1") && i.Contains("'timestamp'"))
                .And.Contain(i => i.Contains("item 3") && i.Contains("left out"))
                .And.Contain(i => i.Contains("item 5") && i.Contains("'timestamp'"));
        }

        [Test]
        public async Task Each_enumeration_has_its_own_read_issues_and_text_after_the_list_is_noted()
        {
            var answers = new System.Collections.Concurrent.ConcurrentQueue<string>(new[] { $"[{Item},\"text\"]", $"[{Item}]", $"[{Item}] trailing" });
            using var server = new RawTcpServer(async connection =>
            {
                while (await connection.ReadRequestAsync() != null && answers.TryDequeue(out var json))
                {
                    var bytes = Encoding.UTF8.GetBytes(json);
                    await connection.WriteAsync($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {bytes.Length}\r\n\r\n");
                    await connection.WriteAsync(bytes);
                }
            });
            using var upstash = Client(server);
            var items = upstash.AuditLogs.EnumerateAuditLogsAsync();

            (await Collect(items)).Should().HaveCount(1);
            items.ReadIssues.Should().ContainSingle().Which.Should().Contain("item 1").And.Contain("left out");
            (await Collect(items)).Should().HaveCount(1);
            items.ReadIssues.Should().BeEmpty("the second enumeration read a clean list");
            (await Collect(items)).Should().HaveCount(1);
            items.ReadIssues.Should().ContainSingle().Which.Should().Contain("goes on after the end of the list");
        }

        [Test]
        public async Task A_test_double_cancels_as_the_real_enumeration_does()
        {
            using var cancel = new CancellationTokenSource();
            cancel.Cancel();

            var enumerate = async () =>
            {
                await foreach (var _ in new UpstashItems<Team>(new[] { new Team() }).WithCancellation(cancel.Token))
                {
                }
            };

            await enumerate.Should().ThrowAsync<OperationCanceledException>();
        }

        [Test]
        public async Task An_error_status_raises_its_typed_exception_when_the_enumeration_starts()
        {
            var handler = new StubHandler(_ => StubHandler.Json("{\"error\":\"no such team\"}", System.Net.HttpStatusCode.NotFound));
            using var upstash = new UpstashClient(new HttpClient(handler), TestCredentials.Create());

            var enumerate = () => Collect(upstash.Teams.EnumerateTeamMembersAsync("team-1"));

            (await enumerate.Should().ThrowAsync<UpstashNotFoundException>()).Which.ErrorText.Should().Be("no such team");
            handler.Requests.Should().ContainSingle();
        }

        [Test]
        public async Task A_test_double_yields_the_items_it_was_given()
        {
            var items = new UpstashItems<Team>(new[] { new Team { TeamName = "a" }, new Team { TeamName = "b" } }, new[] { "a note" });

            (await Collect(items)).Select(t => t.TeamName).Should().Equal("a", "b");
            items.ReadIssues.Should().Equal("a note");
        }
    }
}
