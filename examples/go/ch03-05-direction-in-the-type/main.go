package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
)

// ANCHOR: directions
// produce can only send (and close): out is a send-only channel.
func produce(out chan<- int) {
	defer close(out)
	for n := 1; n <= 3; n++ {
		out <- n * n
	}
}

// consume can only receive: in is a receive-only channel.
func consume(in <-chan int) (sum int) {
	for n := range in {
		sum += n
	}
	return sum
}

func main() {
	ch := make(chan int) // bidirectional; converts implicitly to either direction
	go produce(ch)
	fmt.Println("sum of squares received:", consume(ch))
	fmt.Println("the compiler on a wrong-way receive:", typeCheck(`
		package p
		func f(out chan<- int) { <-out }`))
}

// ANCHOR_END: directions

// typeCheck runs the Go type checker (the compiler's rules) on a source file.
func typeCheck(src string) error {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		return err
	}
	_, err = new(types.Config).Check("p", fset, []*ast.File{file}, nil)
	return err
}
