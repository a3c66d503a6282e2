package main

import (
	"context"
	"fmt"
)

func show(text string, err error) { fmt.Printf("%q, %v\n", text, err) }

// ANCHOR: explicit
// Request holds the request's data as typed fields. The context is not stored
// in it: it is passed beside it, as the first argument.
type Request struct {
	User string
}

// greeting says in its signature what it uses; ctx only carries the signal.
func greeting(ctx context.Context, req Request, locale string) (string, error) {
	if err := ctx.Err(); err != nil {
		return "", err
	}
	if locale == "fr" {
		return "Bonjour, " + req.User, nil
	}
	return "Hello, " + req.User, nil
}

// greetingFromValues is the misuse: an optional parameter hidden in ctx, under
// a string key, typed any.
func greetingFromValues(ctx context.Context, req Request) (text string, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	locale := ctx.Value("locale").(string) // nobody set it: found only at run time
	return greeting(ctx, req, locale)
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	req := Request{User: "ada"}
	show(greetingFromValues(ctx, req))
	show(greeting(ctx, req, "fr"))
	cancel()
	show(greeting(ctx, req, "en"))
}

// ANCHOR_END: explicit
