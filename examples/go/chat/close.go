package chat

import (
	"io"
	"net"
	"time"
)

// Linger is how long Close reads what a client still sends.
const Linger = time.Second

// ANCHOR: close
// Close ends a connection whose last line is written. Closing a socket
// with input still unread makes Linux send a reset, not an end of stream,
// and a reset makes the client's kernel drop what it had not read yet: the
// BYE, and messages before it. So Close sends the end of stream first, and
// reads and drops what the client still sends until the client closes too,
// or Linger has passed.
func Close(nc net.Conn) {
	if tc, ok := nc.(*net.TCPConn); ok {
		tc.CloseWrite()
		tc.SetReadDeadline(time.Now().Add(Linger))
		io.Copy(io.Discard, tc)
	}
	nc.Close()
}

// ANCHOR_END: close
