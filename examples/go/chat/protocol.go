// Package chat holds what every step of the chat server shares: the line
// protocol a client speaks, and the configuration the server reads from
// its command line. The steps (step-NN/) hold the concurrency, which is
// what changes from chapter to chapter.
//
// A client sends lines of UTF-8 ending in "\n" (or "\r\n"), at most
// MaxLine bytes each:
//
//	/join ROOM     leave your room for ROOM (created if new); you start in "lobby"
//	/stats         the server's live numbers
//	/quit          the server says BYE and closes
//	TEXT           a message to everyone in your room, you included
//
// The server answers with lines too. Your own message coming back to you is
// its acknowledgment: the room has taken it, and every member gets it in
// the same order.
//
//	HELLO NAME                  the first line: your name; from here on, you
//	                            get every message sent in your room
//	MSG ROOM NAME TEXT          a message in your room
//	JOINED ROOM                 you are in ROOM
//	STATS KEY=VALUE ...         the answer to /stats
//	ERR REASON                  a line of yours was refused; nothing else changed
//	BYE REASON                  the last line before the server closes
//
// The Rust steps share the same protocol (examples/chat/src/protocol.rs),
// byte for byte: the tests hold both to it.
package chat

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// MaxLine is the longest line a client may send, without its line ending.
const MaxLine = 1024

// Lobby is the room every client starts in.
const Lobby = "lobby"

// Why the server closes a connection: the text after BYE.
const (
	ByeQuit     = "see you"
	ByeIdle     = "idle timeout"
	ByeFull     = "server full"
	ByeTooLong  = "line too long"
	ByeTooSlow  = "too slow"
	ByeShutdown = "server shutting down"
)

// Why the server refuses a line and goes on: the text after ERR.
var (
	ErrNotUTF8       = errors.New("not UTF-8")
	ErrEmpty         = errors.New("empty message")
	ErrBadRoom       = errors.New("a room name is 1 to 32 letters, digits, - or _")
	ErrTooManyRooms  = errors.New("too many rooms")
	ErrBlocked       = errors.New("message blocked")
	ErrFilterTimeout = errors.New("filter timed out")
)

// ErrTooLong is a line over MaxLine bytes: the server cannot tell where the
// next one starts without reading the flood, so it answers BYE and closes.
var ErrTooLong = errors.New("line too long")

// ANCHOR: read-line
// NewReader buffers a connection for ReadLine.
func NewReader(r io.Reader) *bufio.Reader {
	return bufio.NewReaderSize(r, MaxLine+2) // the line, and "\r\n"
}

// ReadLine returns the next line without its "\n" or "\r\n". Unlike a
// bufio.Scanner, it drops a line the stream ends in the middle of (a client
// that disconnects mid-line sent nothing): that is io.EOF.
func ReadLine(r *bufio.Reader) (string, error) {
	line, err := r.ReadSlice('\n')
	if errors.Is(err, bufio.ErrBufferFull) {
		return "", ErrTooLong
	}
	if err != nil {
		return "", err
	}
	line = bytes.TrimSuffix(line[:len(line)-1], []byte("\r"))
	if len(line) > MaxLine {
		return "", ErrTooLong
	}
	return string(line), nil
}

// ANCHOR_END: read-line

// Kind is what a command does.
type Kind int

const (
	Say Kind = iota
	Join
	Stats
	Quit
)

// Command is one line from a client, understood.
type Command struct {
	Kind Kind
	Arg  string // the text of Say, the room of Join
}

// Parse reads a line. A line the server refuses is an error whose text
// follows "ERR " in the answer.
func Parse(line string) (Command, error) {
	if !utf8.ValidString(line) {
		return Command{}, ErrNotUTF8
	}
	command, isCommand := strings.CutPrefix(line, "/")
	if !isCommand {
		if line == "" {
			return Command{}, ErrEmpty
		}
		return Command{Kind: Say, Arg: line}, nil
	}
	verb, arg, _ := strings.Cut(command, " ")
	switch {
	case verb == "join" && isRoomName(arg):
		return Command{Kind: Join, Arg: arg}, nil
	case verb == "join":
		return Command{}, ErrBadRoom
	case verb == "stats":
		return Command{Kind: Stats}, nil
	case verb == "quit":
		return Command{Kind: Quit}, nil
	}
	return Command{}, Unknown(verb)
}

// Unknown is the refusal of a command this server does not know (or, in an
// early step, does not know yet).
func Unknown(verb string) error {
	return fmt.Errorf("unknown command /%s", verb)
}

func isRoomName(name string) bool {
	if len(name) < 1 || len(name) > 32 {
		return false
	}
	for _, b := range []byte(name) {
		ok := b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '-' || b == '_'
		if !ok {
			return false
		}
	}
	return true
}

// The server's lines, each with its "\n".

func Hello(name string) string { return "HELLO " + name + "\n" }

func Message(room, name, text string) string {
	return "MSG " + room + " " + name + " " + text + "\n"
}

func Joined(room string) string { return "JOINED " + room + "\n" }

// StatsLine is "STATS key=value ...", in the order given.
func StatsLine(pairs ...any) string {
	var b strings.Builder
	b.WriteString("STATS")
	for i := 0; i+1 < len(pairs); i += 2 {
		fmt.Fprintf(&b, " %v=%v", pairs[i], pairs[i+1])
	}
	return b.String() + "\n"
}

func Error(reason error) string { return "ERR " + reason.Error() + "\n" }

func Goodbye(reason string) string { return "BYE " + reason + "\n" }
