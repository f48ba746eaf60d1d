package dev.swimmy.bot.edge.zmq;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

class ConnectingPushTest {
  /**
   * jeromq 0.6.0 leaves a few percent of fresh connections without a handshake (jeromq#1022)
   * until the handshake interval, 30 s by default, tears them down. Through {@link
   * ConnectingPush} each of fifty fresh connections delivers its frame long before that: a stall
   * costs about a second. (Without the bound this failed six runs out of six: some connection stalled
   * past the 20 s wait.)
   */
  @Test
  void freshConnections_getTheirFrameThrough_evenWhenJeromqStallsTheHandshake() {
    try (ZContext server = new ZContext(1)) {
      ZMQ.Socket pull = server.createSocket(SocketType.PULL);
      pull.setReceiveTimeOut((int) Duration.ofSeconds(20).toMillis());
      pull.bind("tcp://127.0.0.1:*");
      String endpoint = pull.getLastEndpoint();
      for (int i = 0; i < 50; i++) {
        try (ZContext client = new ZContext(1)) {
          ZMQ.Socket push = ConnectingPush.create(client);
          push.setLinger(0);
          push.connect(endpoint);
          push.send("frame " + i);
          assertThat(pull.recvStr()).as("connection %d", i).isEqualTo("frame " + i);
        }
      }
    }
  }

  @Test
  void theProbeMayAskForAShorterHandshake() {
    try (ZContext context = new ZContext(1)) {
      assertThat(ConnectingPush.create(context).getHandshakeIvl()).isEqualTo(1000);
      assertThat(ConnectingPush.create(context, Duration.ofMillis(300)).getHandshakeIvl()).isEqualTo(300);
    }
  }
}
