package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"
)

func resize(ctx context.Context, image int) (string, error) {
	switch image {
	case 4:
		return "", errors.New("corrupt header")
	case 7:
		select { // a hung request, stopped by its timeout
		case <-time.After(time.Minute):
		case <-ctx.Done():
			return "", ctx.Err()
		}
	case 9:
		panic("decoder bug")
	}
	return fmt.Sprintf("img%d.webp", image), nil
}

// ANCHOR: report
// resizeAll resizes every image, never stopping at a failure: each image gets
// an outcome in its own slot, and a panic becomes that image's error.
func resizeAll(images int) ([]string, error) {
	done, errs := make([]string, images), make([]error, images)
	var wg sync.WaitGroup
	for i := range images {
		image := i + 1
		wg.Go(func() {
			defer func() {
				if r := recover(); r != nil {
					errs[i] = fmt.Errorf("image %d: panicked: %v", image, r)
				}
			}()
			ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
			defer cancel()
			out, err := resize(ctx, image)
			if err != nil {
				err = fmt.Errorf("image %d: %w", image, err)
			}
			done[i], errs[i] = out, err
		})
	}
	wg.Wait()
	return done, errors.Join(errs...) // nil if every image succeeded
}

// ANCHOR_END: report

func main() {
	done, err := resizeAll(10)
	resized := 0
	for _, name := range done {
		if name != "" {
			resized++
		}
	}
	fmt.Printf("%d of 10 resized; failures:\n%v\n", resized, err)
	fmt.Println("a timeout among them:", errors.Is(err, context.DeadlineExceeded))
}
